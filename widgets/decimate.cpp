#include "widgets/decimate.h"

#include <algorithm>

namespace distlab::widgets {

QList<QPointF> decimateMinMax(const QList<QPointF>& points, int buckets) {
  if (buckets < 1 || points.size() <= 2 * static_cast<qsizetype>(buckets)) return points;
  const double x0 = points.front().x(), x1 = points.back().x();
  const double width = (x1 - x0) / buckets;
  if (!(width > 0.0)) return points;
  QList<QPointF> out;
  out.reserve(2 * buckets + 2);
  // One bucket index per point, from the same expression each time: comparing against a computed
  // bucket end instead can leave a point in no bucket through rounding (and never advance).
  auto bucketOf = [&](double x) {
    return std::clamp(static_cast<int>((x - x0) / width), 0, buckets - 1);
  };
  const qsizetype n = points.size();
  for (qsizetype i = 0; i < n;) {
    const int bucket = bucketOf(points[i].x());
    qsizetype lo = i, hi = i, j = i + 1;
    for (; j < n && bucketOf(points[j].x()) == bucket; ++j) {
      if (points[j].y() < points[lo].y()) lo = j;
      if (points[j].y() > points[hi].y()) hi = j;
    }
    out.append(points[std::min(lo, hi)]);
    if (lo != hi) out.append(points[std::max(lo, hi)]);
    i = j;
  }
  // The ends stay, so the curve spans the same x range as the data.
  if (out.front() != points.front()) out.prepend(points.front());
  if (out.back() != points.back()) out.append(points.back());
  return out;
}

}  // namespace distlab::widgets
