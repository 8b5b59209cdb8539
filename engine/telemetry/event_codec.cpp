#include "telemetry/event_codec.h"

#include <cstring>
#include <type_traits>

#include "telemetry/event_fields.h"

namespace distlab::engine {
namespace {

using namespace event_fields;

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {
  using Item = T;
};

class Writer {
 public:
  explicit Writer(std::vector<std::uint8_t>& out) : m_out(out) {}

  template <class T>
  void value(const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      raw(static_cast<std::uint8_t>(v ? 1 : 0));
    } else if constexpr (EventEnum<T>) {
      raw(static_cast<std::uint8_t>(v));
    } else if constexpr (std::is_arithmetic_v<T>) {
      raw(v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      count(v.size());
      bytes(v.data(), v.size());
    } else if constexpr (IsVector<T>::value) {
      using Item = typename IsVector<T>::Item;
      count(v.size());
      if constexpr (std::is_arithmetic_v<Item> && !std::is_same_v<Item, bool>) {
        bytes(v.data(), v.size() * sizeof(Item));  // little-endian machines: as they lie
      } else {
        for (const auto& item : v) value(item);
      }
    } else {
      static_assert(Record<T>);
      visit(v, [this](const char*, const auto& member) { value(member); });
    }
  }

 private:
  void count(std::size_t n) { raw(static_cast<std::uint32_t>(n)); }
  template <class T>
  void raw(T v) {
    bytes(&v, sizeof v);
  }
  void bytes(const void* data, std::size_t size) {
    if (size == 0) return;
    const std::size_t old = m_out.size();
    m_out.resize(old + size);
    std::memcpy(m_out.data() + old, data, size);
  }
  std::vector<std::uint8_t>& m_out;
};

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> in) : m_in(in) {}
  bool ok() const { return m_ok; }  // bytes after the fields: a newer writer's extra fields
  const char* problem() const { return m_problem; }

  template <class T>
  void value(T& v) {
    if (!m_ok) return;
    if constexpr (std::is_same_v<T, bool>) {
      std::uint8_t b = 0;
      raw(b);
      if (b > 1) fail("a flag is neither 0 nor 1");
      v = b == 1;
    } else if constexpr (EventEnum<T>) {
      std::uint8_t b = 0;
      raw(b);
      v = static_cast<T>(b);
      if (m_ok && !nameOrNull(v)) fail("an enum holds a value it does not have");
    } else if constexpr (std::is_arithmetic_v<T>) {
      raw(v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      const std::size_t n = count(1);
      if (!m_ok) return;
      v.assign(reinterpret_cast<const char*>(m_in.data() + m_pos), n);
      m_pos += n;
    } else if constexpr (IsVector<T>::value) {
      using Item = typename IsVector<T>::Item;
      if constexpr (std::is_arithmetic_v<Item> && !std::is_same_v<Item, bool>) {
        const std::size_t n = count(sizeof(Item));
        if (!m_ok) return;
        v.resize(n);
        if (n) std::memcpy(v.data(), m_in.data() + m_pos, n * sizeof(Item));
        m_pos += n * sizeof(Item);
      } else {
        const std::size_t n = count(1);  // every item takes at least a byte
        if (!m_ok) return;
        v.clear();
        v.resize(n);
        for (auto& item : v) value(item);
      }
    } else {
      static_assert(Record<T>);
      visit(v, [this](const char*, auto& member) { value(member); });
    }
  }

 private:
  // A count of items of at least `itemSize` bytes each that fit in what is left.
  std::size_t count(std::size_t itemSize) {
    std::uint32_t n = 0;
    raw(n);
    if (m_ok && n > (m_in.size() - m_pos) / itemSize) fail("a count runs past the record");
    return m_ok ? n : 0;
  }
  template <class T>
  void raw(T& v) {
    if (m_in.size() - m_pos < sizeof(T)) return fail("the record ends inside a field");
    std::memcpy(&v, m_in.data() + m_pos, sizeof(T));
    m_pos += sizeof(T);
  }
  void fail(const char* why) {
    if (m_ok) m_problem = why;
    m_ok = false;
  }
  std::span<const std::uint8_t> m_in;
  std::size_t m_pos = 0;
  bool m_ok = true;
  const char* m_problem = "";
};

template <std::size_t I = 0>
bool decodeKind(std::size_t index, Reader& reader, Event& out) {
  if constexpr (I < std::variant_size_v<Event>) {
    if (index != I) return decodeKind<I + 1>(index, reader, out);
    std::variant_alternative_t<I, Event> record;
    reader.value(record);
    if (!reader.ok()) return false;
    out = std::move(record);
    return true;
  } else {
    return false;
  }
}

constexpr std::size_t kRecordHeader = 5;

}  // namespace

void appendRecord(std::vector<std::uint8_t>& out, const Event& event) {
  const std::size_t start = out.size();
  out.resize(start + kRecordHeader);
  out[start] = static_cast<std::uint8_t>(event.index() + 1);
  Writer writer(out);
  std::visit([&writer](const auto& record) { writer.value(record); }, event);
  const auto length = static_cast<std::uint32_t>(out.size() - start - kRecordHeader);
  std::memcpy(out.data() + start + 1, &length, sizeof length);
}

void forEachRecord(std::span<const std::uint8_t> bytes,
                   const std::function<void(std::size_t, std::span<const std::uint8_t>)>& f) {
  for (std::size_t pos = 0; pos + kRecordHeader <= bytes.size();) {
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + pos + 1, sizeof length);
    if (bytes[pos] == 0 || length > bytes.size() - pos - kRecordHeader) return;
    f(bytes[pos] - 1u, bytes.subspan(pos, kRecordHeader + length));
    pos += kRecordHeader + length;
  }
}

std::vector<std::uint8_t> encodeRecords(std::span<const Event> events) {
  std::vector<std::uint8_t> out;
  out.reserve(events.size() * 48);
  for (const Event& e : events) appendRecord(out, e);
  return out;
}

RecordDecodeResult decodeRecords(std::span<const std::uint8_t> bytes, std::vector<Event>& out) {
  RecordDecodeResult result;
  std::size_t pos = 0, number = 0;
  while (pos < bytes.size()) {
    ++number;
    if (bytes.size() - pos < kRecordHeader) {
      result.ok = false;
      result.error = "record " + std::to_string(number) + ": cut short in its header";
      return result;
    }
    const std::uint8_t kind = bytes[pos];
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + pos + 1, sizeof length);
    pos += kRecordHeader;
    if (length > bytes.size() - pos) {
      result.ok = false;
      result.error = "record " + std::to_string(number) + ": its length runs past the data";
      return result;
    }
    const auto payload = bytes.subspan(pos, length);
    pos += length;
    if (kind == 0 || kind > std::variant_size_v<Event>) {
      ++result.unknown;  // a newer engine's record
      continue;
    }
    Reader reader(payload);
    Event event;
    if (!decodeKind(kind - 1u, reader, event)) {
      result.ok = false;
      result.error = "record " + std::to_string(number) + " (" + eventName(kind - 1u) +
                     "): " + reader.problem();
      return result;
    }
    out.push_back(std::move(event));
    ++result.records;
  }
  return result;
}

Telemetry telemetryOf(std::vector<std::uint8_t> records) {
  return Telemetry{kEventsVersion, std::move(records)};
}

RecordDecodeResult decodeTelemetry(const Telemetry& message, std::vector<Event>& out) {
  if (message.version != kEventsVersion) {
    RecordDecodeResult r;
    r.ok = false;
    r.error = "events version " + std::to_string(message.version) + "; this build reads " +
              std::to_string(kEventsVersion);
    return r;
  }
  return decodeRecords(message.events, out);
}

}  // namespace distlab::engine
