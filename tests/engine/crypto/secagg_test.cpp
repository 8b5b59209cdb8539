// Secure aggregation with dropouts (crypto/secagg/): Shamir sharing against its definition, the
// sealed boxes' authentication, the wire form's checks, and whole rounds of 10 clients where
// some drop out after sharing: the unmasked sum against the plain sum of the survivors.
#include <gtest/gtest.h>

#include <numeric>
#include <random>

#include "core/error.h"
#include "crypto/secagg/sealed_box.h"
#include "crypto/secagg/secagg_client.h"
#include "crypto/secagg/secagg_server.h"

namespace distlab::engine {
namespace {

std::vector<std::uint8_t> randomBytes(std::size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::vector<std::uint8_t> out(n);
  for (auto& b : out) b = static_cast<std::uint8_t>(gen());
  return out;
}

TEST(GaloisField, MultiplicationMatchesCarrylessProductReducedByTheAesPolynomial) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 7) {
      unsigned product = 0;  // carry-less multiply, then reduce mod 0x11b
      for (int bit = 0; bit < 8; ++bit) {
        if (b & (1 << bit)) product ^= static_cast<unsigned>(a) << bit;
      }
      for (int bit = 15; bit >= 8; --bit) {
        if (product & (1u << bit)) product ^= 0x11bu << (bit - 8);
      }
      ASSERT_EQ(gfMultiply(static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(b)), product);
    }
    if (a) {
      ASSERT_EQ(gfMultiply(static_cast<std::uint8_t>(a), gfInverse(static_cast<std::uint8_t>(a))), 1);
    }
  }
}

TEST(Shamir, AnyThresholdSharesRecoverTheSecretAndFewerDoNot) {
  const auto secret = randomBytes(32, 1);
  const auto shares = splitSecret(secret, 6, 10);
  ASSERT_EQ(shares.size(), 10u);
  std::mt19937 gen(2);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<ShamirShare> pick(shares.begin(), shares.end());
    std::shuffle(pick.begin(), pick.end(), gen);
    const auto k = 6 + static_cast<int>(gen() % 5);
    pick.resize(static_cast<std::size_t>(k));
    EXPECT_EQ(combineShares(pick), secret) << k << " shares";
    pick.resize(5);
    EXPECT_NE(combineShares(pick), secret);
  }
  EXPECT_THROW(splitSecret(secret, 1, 5), Error);
  EXPECT_THROW(splitSecret(secret, 6, 5), Error);
  EXPECT_THROW(splitSecret(secret, 2, 256), Error);
  std::vector<ShamirShare> twice{shares[0], shares[0]};
  EXPECT_THROW(combineShares(twice), Error);
}

TEST(SealedBox, OpensWithTheRightKeyAndContextOnly) {
  const auto a = generateKeyPair(), b = generateKeyPair(), c = generateKeyPair();
  const auto ab = sharedSecret(a, b.publicKey);
  EXPECT_EQ(ab, sharedSecret(b, a.publicKey));
  const auto plain = randomBytes(65, 3);
  const auto context = shareContext(9, 1, 2);
  auto box = sealBox(ab, context, plain);
  EXPECT_EQ(openBox(ab, context, box), plain);
  EXPECT_THROW(openBox(sharedSecret(a, c.publicKey), context, box), Error);  // wrong key
  EXPECT_THROW(openBox(ab, shareContext(9, 2, 1), box), Error);              // readdressed
  EXPECT_THROW(openBox(ab, shareContext(10, 1, 2), box), Error);             // replayed
  box[20] ^= 1;
  EXPECT_THROW(openBox(ab, context, box), Error);  // tampered
  EXPECT_THROW(openBox(ab, context, std::vector<std::uint8_t>(10)), Error);
}

TEST(SecAggMessages, RoundTripAndRejectMalformedBytes) {
  const auto keys = std::vector<AdvertisedKeys>{{3, generateKeyPair().publicKey, {}, {}}, {7, {}, {}, {}}};
  const auto bytes = writeKeys(keys);
  const auto back = readKeys(bytes);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].client, 3u);
  EXPECT_EQ(back[0].cipherPublic, keys[0].cipherPublic);
  for (std::size_t cut = 0; cut < bytes.size(); cut += 5) {
    EXPECT_THROW(readKeys(std::span(bytes).first(cut)), Error) << cut;
  }
  auto padded = bytes;
  padded.push_back(0);
  EXPECT_THROW(readKeys(padded), Error);
  auto huge = bytes;
  huge[3] = 0x7f;  // a count far beyond the bytes present
  EXPECT_THROW(readKeys(huge), Error);
  const std::vector<RevealedShare> reveals{{1, 2, RevealKind::MaskKey, {3, {4, 5}}}};
  const auto r = readReveals(writeReveals(reveals));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, RevealKind::MaskKey);
  EXPECT_EQ(r[0].share.y, (std::vector<std::uint8_t>{4, 5}));
  const auto blob = randomBytes(13, 4);
  EXPECT_EQ(slotsToBytes(bytesToSlots(blob)), blob);
  auto slots = bytesToSlots(blob);
  slots.pop_back();
  EXPECT_THROW(slotsToBytes(slots), Error);
}

/// A whole round among `n` clients on `length` values each; the clients in `dropped` share
/// their keys and then send no masked input. Returns the survivors' unmasked sum.
struct RoundSetup {
  int n = 10, threshold = 6;
  std::size_t length = 1000;
  std::vector<std::uint32_t> dropped;
  bool tamper = false;
};

struct RoundOutcome {
  std::vector<double> sum, plain;
};

RoundOutcome runRound(const RoundSetup& s) {
  std::vector<SecAggClient> clients;
  std::vector<AdvertisedKeys> roster;
  for (int c = 0; c < s.n; ++c) {
    clients.emplace_back(static_cast<std::uint32_t>(100 + c), 42);  // ids need not be places
    roster.push_back(clients.back().keys());
  }
  SecAggServer server(roster, s.threshold, s.length);
  for (auto& c : clients) server.addShares(c.keys().client, c.shareKeys(roster, s.threshold));
  for (auto& c : clients) {
    auto mine = server.sharesFor(c.keys().client);
    if (s.tamper) mine[0].box[30] ^= 0x40;
    c.receiveShares(mine);
  }
  std::mt19937 gen(5);
  std::normal_distribution<double> normal(0.0, 3.0);
  RoundOutcome out;
  out.plain.assign(s.length, 0.0);
  for (auto& c : clients) {
    if (std::count(s.dropped.begin(), s.dropped.end(), c.keys().client)) continue;
    std::vector<double> x(s.length);
    for (auto& v : x) v = std::ldexp(std::round(std::ldexp(normal(gen), 32)), -32);  // exact
    for (std::size_t i = 0; i < s.length; ++i) out.plain[i] += x[i];
    const auto masked = c.maskInput(x);
    // A masked input alone is noise: far from the input it hides.
    EXPECT_GT(std::abs(decodeFixed64(masked)[0] - x[0]), 1.0);
    server.addMasked(c.keys().client, masked);
  }
  std::vector<RevealedShare> reveals;
  for (auto& c : clients) {
    if (std::count(s.dropped.begin(), s.dropped.end(), c.keys().client)) continue;
    auto r = c.reveal(server.survivors());
    reveals.insert(reveals.end(), r.begin(), r.end());
  }
  out.sum = decodeFixed64(server.unmask(reveals));
  return out;
}

TEST(SecureAggregationWithDropouts, ThreeOfTenDropAfterSharingTheSumOfTheSevenIsExact) {
  const auto r = runRound({.dropped = {101, 104, 109}});
  ASSERT_EQ(r.sum.size(), r.plain.size());
  for (std::size_t i = 0; i < r.sum.size(); ++i) ASSERT_EQ(r.sum[i], r.plain[i]) << i;
}

TEST(SecureAggregationWithDropouts, NobodyDroppingGivesTheExactSumOfAll) {
  const auto r = runRound({.n = 5, .threshold = 3, .length = 77, .dropped = {}});
  for (std::size_t i = 0; i < r.sum.size(); ++i) ASSERT_EQ(r.sum[i], r.plain[i]) << i;
}

TEST(SecureAggregationWithDropouts, FiveOfTenDroppingLeavesTooFewSurvivorsAndUnmasksNothing) {
  try {
    runRound({.dropped = {100, 102, 104, 106, 108}});
    FAIL() << "unmasked with 5 survivors and threshold 6";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("too few survivors"), std::string::npos) << e.what();
  }
}

TEST(SecureAggregationWithDropouts, ATamperedShareIsDetectedByItsReceiver) {
  try {
    runRound({.n = 10, .threshold = 6, .length = 1000, .dropped = {}, .tamper = true});
    FAIL() << "a tampered share was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("fails authentication"), std::string::npos) << e.what();
  }
}

TEST(SecureAggregationWithDropouts, TheServerRefusesTooFewRevealedSharesAndWrongKinds) {
  std::vector<SecAggClient> clients;
  std::vector<AdvertisedKeys> roster;
  for (std::uint32_t c = 0; c < 4; ++c) {
    clients.emplace_back(c, 1);
    roster.push_back(clients.back().keys());
  }
  SecAggServer server(roster, 3, 8);
  for (auto& c : clients) server.addShares(c.keys().client, c.shareKeys(roster, 3));
  EXPECT_THROW(server.addShares(0, {}), Error);  // twice
  for (auto& c : clients) c.receiveShares(server.sharesFor(c.keys().client));
  const std::vector<double> x(8, 1.5);
  for (std::uint32_t c = 0; c < 3; ++c) server.addMasked(c, clients[c].maskInput(x));
  EXPECT_THROW(server.addMasked(0, clients[0].maskInput(x)), Error);  // twice
  const auto survivors = server.survivors();
  ASSERT_EQ(survivors.size(), 3u);
  std::vector<RevealedShare> two;
  for (std::uint32_t c = 0; c < 2; ++c) {
    auto r = clients[c].reveal(survivors);
    two.insert(two.end(), r.begin(), r.end());
  }
  EXPECT_THROW(server.unmask(two), Error);  // 2 shares of each secret, threshold 3
  auto all = two;
  auto third = clients[2].reveal(survivors);
  all.insert(all.end(), third.begin(), third.end());
  const auto sum = decodeFixed64(server.unmask(all));
  for (double v : sum) EXPECT_EQ(v, 4.5);
  auto wrong = all;
  wrong[0].kind = wrong[0].kind == RevealKind::SelfMask ? RevealKind::MaskKey : RevealKind::SelfMask;
  EXPECT_THROW(server.unmask(wrong), Error);
  auto corrupt = all;
  corrupt.back().share.y[5] ^= 1;  // a wrong share: the rebuilt secret fails its commitment
  EXPECT_THROW(server.unmask(corrupt), Error);
  const std::vector<std::uint32_t> one{0};
  EXPECT_THROW(clients[0].reveal(one), Error);  // a client will not reveal below the threshold
  EXPECT_EQ(secAggThreshold(0.6, 10), 6);
  EXPECT_EQ(secAggThreshold(0.1, 3), 2);
  EXPECT_EQ(secAggThreshold(1.0, 7), 7);
}

}  // namespace
}  // namespace distlab::engine
