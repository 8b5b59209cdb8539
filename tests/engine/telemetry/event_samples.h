#pragma once
// Events of every kind with every field set, for the codec tests: values drawn at random over
// each field's whole range (extremes, non-finite and negative-zero doubles, text with Chinese,
// quotes, backslashes and control characters, lists of 0 to 5 items), filled through the same
// field declarations the codecs use, so a field added to a record is covered without a line here.
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "telemetry/event_fields.h"

namespace distlab::engine::testing {

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

class RandomFields {
 public:
  explicit RandomFields(std::uint64_t seed) : m_rng(seed) {}

  template <class T>
  void fill(T& v) {
    using namespace event_fields;
    if constexpr (std::is_same_v<T, bool>) {
      v = pick(2) == 1;
    } else if constexpr (EventEnum<T>) {
      const auto& names = EnumNames<T>::names;
      do {
        v = static_cast<T>(pick(names.size()));
      } while (!nameOrNull(v));
    } else if constexpr (std::is_floating_point_v<T>) {
      static const double special[] = {0.0,
                                       -0.0,
                                       0.1 + 0.2,
                                       0.8534000000000001,
                                       1e300,
                                       -1e-300,
                                       std::numeric_limits<double>::denorm_min(),
                                       std::numeric_limits<double>::quiet_NaN(),
                                       std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity()};
      v = pick(3) == 0 ? special[pick(std::size(special))]
                       : std::uniform_real_distribution<double>(-1e6, 1e6)(m_rng);
    } else if constexpr (std::is_integral_v<T>) {
      const auto lo = std::numeric_limits<T>::min(), hi = std::numeric_limits<T>::max();
      const int which = static_cast<int>(pick(4));
      v = which == 0 ? lo : which == 1 ? hi : static_cast<T>(m_rng());  // uniform over T's bits
    } else if constexpr (std::is_same_v<T, std::string>) {
      static const char* texts[] = {"", "bsp", "工作节点 2", "a \"quoted\" \\ path C:\\tmp",
                                    "line\nnext\ttab\x01", "😀 emoji"};
      v = texts[pick(std::size(texts))];
    } else if constexpr (IsVector<T>::value) {
      v.resize(pick(6));
      for (auto& item : v) fill(item);
    } else {
      visit(v, [this](const char*, auto& member) { fill(member); });
    }
  }

  /// An event of the kind at `index` in Event, every field random.
  Event event(std::size_t index) { return eventAt<0>(index); }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng); }

  template <std::size_t I>
  Event eventAt(std::size_t index) {
    if constexpr (I < std::variant_size_v<Event>) {
      if (index != I) return eventAt<I + 1>(index);
      std::variant_alternative_t<I, Event> record;
      fill(record);
      return record;
    } else {
      return Span{};
    }
  }

  std::mt19937_64 m_rng;
};

/// Exact equality of every field (NaN equals NaN, -0.0 differs from 0.0), naming the field.
template <class T>
void expectSameValue(const std::string& field, const T& a, const T& b) {
  using namespace event_fields;
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(a) || std::isnan(b)) {
      EXPECT_TRUE(std::isnan(a) && std::isnan(b)) << field << ": " << a << " vs " << b;
    } else {
      EXPECT_EQ(a, b) << field;
      EXPECT_EQ(std::signbit(a), std::signbit(b)) << field;
    }
  } else if constexpr (IsVector<T>::value) {
    ASSERT_EQ(a.size(), b.size()) << field;
    for (std::size_t i = 0; i < a.size(); ++i) {
      expectSameValue(field + "[" + std::to_string(i) + "]", a[i], b[i]);
    }
  } else if constexpr (Record<T>) {
    std::vector<const void*> theirs;
    visit(b, [&](const char*, const auto& m) { theirs.push_back(&m); });
    std::size_t i = 0;
    visit(a, [&](const char* name, const auto& m) {
      using M = std::decay_t<decltype(m)>;
      expectSameValue(field + "." + name, m, *static_cast<const M*>(theirs[i++]));
    });
  } else {
    EXPECT_EQ(a, b) << field;
  }
}

inline void expectSameEvent(const Event& a, const Event& b) {
  ASSERT_EQ(a.index(), b.index());
  std::visit(
      [&](const auto& x) {
        using R = std::decay_t<decltype(x)>;
        expectSameValue(eventName(a.index()), x, std::get<R>(b));
      },
      a);
}

}  // namespace distlab::engine::testing
