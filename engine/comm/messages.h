#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace distlab::engine {

/// The wire format of the cluster (see DESIGN.md, engine/comm): a 12-byte little-endian header
/// (magic "DLAB", version, type, flags, payload length) followed by the payload. Encoding and
/// decoding are pure functions; no socket code lives here.
inline constexpr std::uint32_t kFrameMagic = 0x42414C44;  // "DLAB" in little-endian byte order
/// 2: KEYS, CONTROL Capture; 3: PUSH pullNext; 4: typed TELEMETRY records, the Controller role;
/// 5: encoded PUSH (the header's flags name the update encoder); 6: ACTIVATIONS, ERRORS, ROUTE,
/// MASK (model parallelism: stages and shards talk to each other; a worker's sub-network);
/// 7: SHARED, and PARAMS/PUSH whose floats wait in shared memory (kSharedFloatsFlag);
/// 8: KEY_SHARES, REVEAL, the Paillier messages; 9: RING (all-reduce without a server);
/// 11: SHARED from the coordinator (the parameter region), PARAMS in it (kParamsRegionFlag)
inline constexpr std::uint8_t kProtocolVersion = 11;
/// In a PARAMS or PUSH header's flags: the payload ends after the fields and the float count;
/// the floats themselves wait in the connection's shared memory (comm/shared_floats.h).
inline constexpr std::uint16_t kSharedFloatsFlag = 0x8000;
/// In a PARAMS header's flags: the payload ends after the version and the float count; the
/// floats are the shared parameter region the coordinator named (comm/shared_params.h).
inline constexpr std::uint16_t kParamsRegionFlag = 0x4000;
inline constexpr std::size_t kFrameHeaderSize = 12;

enum class MessageType : std::uint8_t {
  Hello = 1,       ///< peer -> server: who I am (role, rank)
  Challenge = 2,   ///< server -> peer: a nonce to answer
  Auth = 3,        ///< peer -> server: HMAC-SHA256(token, nonce | rank | version)
  Welcome = 4,     ///< server -> peer: accepted, with the model size
  Pull = 5,        ///< worker -> server: send me the parameters (if newer than my version)
  Params = 6,      ///< server -> worker: parameters at a version
  Push = 7,        ///< worker -> server: a gradient, a model delta or a model
  Clock = 8,       ///< worker -> server: I finished step c (SSP / BSP bookkeeping)
  Barrier = 9,     ///< server -> worker: you may start step c
  Telemetry = 10,  ///< either way: a batch of encoded telemetry events
  Control = 11,    ///< monitor -> server -> worker: kill, slow, restore, pause, resume, step, stop
  Shutdown = 12,   ///< server -> peer: the run is over
  Heartbeat = 13,  ///< either way: I am alive
  Keys = 14,       ///< secure aggregation: worker -> server its X25519 public key; server ->
                   ///< workers every worker's, in rank order
  Activations = 15,  ///< pipeline stage -> next stage: one micro-batch's outputs of its layers
  Errors = 16,       ///< pipeline stage -> previous stage: dL/d(those outputs)
  Route = 17,        ///< process -> coordinator: the port I listen on (0: none); coordinator
                     ///< -> process: every process's address and port, one ROUTE each in rank
                     ///< order
  Mask = 18,         ///< coordinator -> worker: the neurons of its sub-network (skeleton)
  Shared = 19,       ///< worker -> coordinator: the shared memory its floats may travel in
  KeyShares = 20,    ///< secure aggregation: worker -> server its sealed mask-key shares, one per
                     ///< peer; server -> worker the shares sealed for it, one per peer
  Reveal = 21,       ///< secure aggregation: server -> survivors "your share of a dropped worker's
                     ///< mask key"; worker -> server that share
  PaillierKey = 22,  ///< homomorphic aggregation: key holder -> server its Paillier public key;
                     ///< server -> workers that key
  Encrypted = 23,    ///< homomorphic aggregation: server -> key holder a round's encrypted sum
  Decrypted = 24,    ///< homomorphic aggregation: key holder -> server that sum, decrypted
  Ring = 25,         ///< all-reduce (cluster.sync allreduce): worker -> next worker of the ring
                     ///< one chunk of the gradient being summed
};

/// Monitor: receives the telemetry and may send CONTROL; Controller: sends CONTROL only (the
/// window, which reads the telemetry from the engine's own stream).
enum class PeerRole : std::uint8_t { Worker = 1, Monitor = 2, Controller = 3 };
/// ModelPart: a round's model PUSH too large for one frame comes in parts, every part but the
/// last of kind ModelPart, the last of kind Model (the federated clients' updates).
enum class PushKind : std::uint8_t { Gradient = 1, ModelDelta = 2, Model = 3, ModelPart = 4 };

struct Hello {
  PeerRole role = PeerRole::Worker;
  std::uint32_t rank = 0;
  std::int64_t clockNs = 0;  ///< the peer's monotonic clock, to map its telemetry onto ours
};
struct Challenge {
  std::vector<std::uint8_t> nonce;
};
struct Auth {
  std::vector<std::uint8_t> mac;
};
struct Welcome {
  std::uint32_t modelSize = 0;
  std::uint64_t startClock = 0;  ///< the step a (re)joining worker starts at
  std::string spec;              ///< the run's spec as JSON, so a worker needs no files of its own
};
struct Pull {
  std::uint64_t haveVersion = 0;
};
struct Params {
  std::uint64_t version = 0;
  std::vector<float> values;
};
struct Push {
  PushKind kind = PushKind::Gradient;
  std::uint64_t baseVersion = 0;  ///< the parameter version the update was computed on
  std::uint32_t samples = 0;      ///< examples behind it (for weighted averaging)
  std::vector<float> values;
  /// A PULL folded into the PUSH: the worker wants the next parameters as soon as it may start.
  /// One frame instead of two, so a BSP barrier can release every worker at once.
  bool pullNext = false;
  /// An encoded update (encoders/update_encoder.h): the encoder's wire id, carried in the
  /// frame's flags (0: `values` as plain floats), how many values it holds and its bytes.
  /// The server decodes it into `values`.
  std::uint8_t encoding = 0;
  std::uint32_t floats = 0;
  std::vector<std::uint8_t> encoded{};
};
/// Push::encoding of an update encrypted under the key holder's Paillier key
/// (privacy.homomorphic): `encoded` is its packed ciphertexts, which the server multiplies into
/// the round's encrypted sum and never decodes.
inline constexpr std::uint8_t kPaillierEncoding = 200;
struct Clock {
  std::uint64_t clock = 0;
};
struct Barrier {
  std::uint64_t clock = 0;
};
/// A batch of event records (telemetry/event_codec.h) in the events contract's `version`.
struct Telemetry {
  std::uint16_t version = 0;
  std::vector<std::uint8_t> events;
};
/// What a CONTROL message asks for (monitor -> coordinator; slow/restore/kill also -> worker).
/// Capture: the coordinator writes the push to RUN/captures/worker-K-step-S and reports it as a
/// "captured" lifecycle event whose detail is that folder, relative to the run folder.
enum class ControlCommand : std::uint8_t {
  Kill = 1,     ///< end worker `target` at once (as if it crashed)
  Slow = 2,     ///< worker `target` computes `value` times slower
  Restore = 3,  ///< worker `target` back to full speed
  Pause = 4,    ///< hold every worker before its next step
  Resume = 5,
  Step = 6,     ///< while paused: let every live worker run one more step (one round under BSP)
  Stop = 7,     ///< end the run now (evaluate, write results, shut down)
  Restart = 8,  ///< start a new process for dead worker `target`; it rejoins
  Capture = 9,  ///< keep worker `target`'s next PUSH (the honest-but-curious server)
};
inline constexpr std::uint8_t kLastControlCommand = 9;

struct Control {
  std::uint8_t command = 0;
  std::uint32_t target = 0;
  double value = 0.0;
};
struct Shutdown {
  std::string reason;
};
struct Heartbeat {};
inline constexpr std::uint32_t kMaxKeys = 1024;
struct Keys {
  std::vector<std::array<std::uint8_t, 32>> publicKeys;
};

/// Secure aggregation's dropout recovery: shares of each worker's mask key, each sealed for its
/// holder (crypto/secagg/sealed_box.h), indexed by rank (a worker's own slot is empty).
inline constexpr std::uint32_t kMaxSealedShare = 256;
struct KeyShares {
  std::vector<std::vector<std::uint8_t>> boxes;
};
/// From the server: a request for the holder's share of `owner`'s mask key (`share` empty); from
/// a worker: that share (the Shamir values at the holder's point, rank + 1).
struct Reveal {
  std::uint32_t owner = 0;
  std::vector<std::uint8_t> share;
};

/// Homomorphic aggregation (privacy.homomorphic): the key holder's Paillier modulus n.
inline constexpr std::uint32_t kMaxPaillierBytes = 1024;  ///< n of up to 8192 bits
struct PaillierKey {
  std::vector<std::uint8_t> n;
};
/// A round's encrypted sum of `summands` pushes of `values` values: ciphertexts back to back,
/// each `width` bytes (big-endian, zero-padded).
struct Encrypted {
  std::uint64_t round = 0;
  std::uint32_t summands = 0;
  std::uint32_t values = 0;
  std::uint32_t width = 0;
  std::vector<std::uint8_t> ciphertexts;
};
/// The key holder's answer: round `round`'s sum, decrypted.
struct Decrypted {
  std::uint64_t round = 0;
  std::vector<float> values;
};

/// Intermediate results of model parallelism: a `rows` x batch matrix (column-major, a column per
/// example) of micro-batch `micro` in step `step`.
struct IntermediateResult {
  std::uint64_t step = 0;
  std::uint32_t micro = 0;
  std::uint32_t rows = 0;
  std::vector<float> values;
  std::uint32_t columns() const {
    return rows == 0 ? 0 : static_cast<std::uint32_t>(values.size() / rows);
  }
};
struct Activations : IntermediateResult {};
struct Errors : IntermediateResult {};
struct Route {
  std::uint16_t port = 0;
  /// Coordinator -> process: the address the process reached the coordinator from (its peers
  /// reach it there); empty from a process.
  std::string host;
};
/// The hidden neurons a worker keeps in round `round`: per hidden layer, their indices.
struct Mask {
  std::uint64_t round = 0;
  std::vector<std::vector<std::uint32_t>> neurons;
};
inline constexpr std::uint32_t kMaxMaskLayers = 64;
/// One message of a ring all-reduce (comm/ring_allreduce.h): in training step `round`, all-reduce
/// step `step` (0 .. 2(N-1)-1: reduce-scatter first, then all-gather) hands on chunk `chunk`.
struct RingChunk {
  std::uint64_t round = 0;
  std::uint32_t step = 0;
  std::uint32_t chunk = 0;
  std::vector<float> values;
};
/// Chunks of a ring all-reduce: at most this many ranks.
inline constexpr std::uint32_t kMaxRingChunks = 1024;

/// The name of a region a worker made (comm/shared_floats.h) and the nonce written in it, which
/// tells the coordinator it found this worker's region and not another's.
struct Shared {
  std::string name;
  std::uint64_t nonce = 0;
};
inline constexpr std::size_t kMaxSharedName = 64;

using Message = std::variant<Hello, Challenge, Auth, Welcome, Pull, Params, Push, Clock, Barrier,
                             Telemetry, Control, Shutdown, Heartbeat, Keys, Activations, Errors,
                             Route, Mask, Shared, KeyShares, Reveal, PaillierKey, Encrypted,
                             Decrypted, RingChunk>;

MessageType typeOf(const Message& message);

/// What a decoder enforces before it allocates anything.
struct DecodeLimits {
  std::uint32_t maxPayload = 64u << 20;  ///< bytes in one frame
  std::uint32_t modelSize = 0;           ///< floats in Params/Push must equal this (0: any)
};

/// The limits of a connection that carries a model of `floats` parameters: PARAMS/PUSH of
/// exactly that size, and frames large enough for them (at least 64 MB for telemetry batches).
DecodeLimits limitsForModel(std::uint32_t floats);

enum class DecodeError {
  None,
  NeedMoreBytes,  ///< not an error yet: the frame is incomplete
  BadMagic,
  BadVersion,
  UnknownType,
  TooLarge,        ///< the header announces more than DecodeLimits::maxPayload
  BadPayload,      ///< the payload's own lengths or values do not add up
  WrongModelSize,  ///< Params/Push carry a different number of floats than the model has
};
const char* describe(DecodeError error);

struct FrameHeader {
  MessageType type = MessageType::Heartbeat;
  std::uint16_t flags = 0;
  std::uint32_t length = 0;
};

/// Encodes header + payload into one buffer ready to write.
std::vector<std::uint8_t> encodeFrame(const Message& message);

/// The same frame in two parts for a scatter-gather write: everything up to the float array of a
/// PARAMS or PUSH (its `bulk`), so the floats are sent from where they lie, uncopied. For other
/// messages `bulk` is empty and the head is the whole frame.
std::vector<std::uint8_t> encodeFrameHead(const Message& message, std::span<const float>& bulk);
/// The head of a PARAMS or PUSH frame whose floats are `values` rather than the message's own
/// (which are ignored): a model's parameter or gradient buffer, or one snapshot shared by every
/// worker's reply, is then sent without being copied into a message first.
/// With `shared`, the head says the floats wait in shared memory and the frame ends after it.
std::vector<std::uint8_t> encodeBulkFrameHead(const Message& fields, std::span<const float> values,
                                              bool shared = false);

/// The whole frame of a PARAMS whose `count` floats are the shared parameter region.
std::vector<std::uint8_t> encodeRegionParamsFrame(const Params& fields, std::uint32_t count);

/// Bytes of a PARAMS or PUSH payload before its floats (fields and the float count); 0 for
/// messages without a float array.
std::size_t bulkPrefixSize(MessageType type);
/// A frame whose payload is read as fields then floats in place: PARAMS, and PUSH unless encoded.
bool isBulkFrame(const FrameHeader& header);
/// A PARAMS, or a PUSH of plain floats: the messages whose floats may wait in shared memory.
bool hasBulkFloats(const Message& message);
/// A bulk frame whose floats wait in the connection's shared memory (kSharedFloatsFlag).
bool floatsAreShared(const FrameHeader& header);
/// A PARAMS frame whose floats are the shared parameter region (kParamsRegionFlag).
bool paramsInRegion(const FrameHeader& header);
/// Decodes the prefix of a PARAMS/PUSH payload and sizes its float vector after checking the count
/// against the model size and the frame length; the caller then reads the floats straight into
/// the message's `values`.
/// With allocate = false the vector stays empty: the caller reads the floats elsewhere.
DecodeError decodeBulkPrefix(const FrameHeader& header, std::span<const std::uint8_t> prefix,
                             const DecodeLimits& limits, Message& message, bool allocate = true);
/// The float count a PARAMS/PUSH prefix ends with (0 for a prefix too short to hold one); the
/// receiver sizes where the floats go by it, before or after decodeBulkPrefix checks it.
std::uint32_t bulkFloatCount(std::span<const std::uint8_t> prefix);
/// The float array of a PARAMS/PUSH message decoded by decodeBulkPrefix.
std::span<float> bulkValues(Message& message);
/// The float vector of a PARAMS/PUSH message (nullptr for other messages).
std::vector<float>* bulkVector(Message& message);

/// Checks a 12-byte header (magic, version, type, length cap). Shorter input: NeedMoreBytes.
DecodeError decodeHeader(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                         FrameHeader& header);
/// Decodes a payload whose header was accepted; every inner length is checked against the
/// payload size (and the model size) before a vector is allocated.
DecodeError decodePayload(const FrameHeader& header, std::span<const std::uint8_t> payload,
                          const DecodeLimits& limits, Message& message);

/// Both steps on a buffer that starts with a frame; `consumed` is the frame's size on success.
DecodeError decodeFrame(std::span<const std::uint8_t> bytes, const DecodeLimits& limits,
                        Message& message, std::size_t& consumed);

}  // namespace distlab::engine
