#pragma once
#include <QList>
#include <QPointF>

namespace distlab::widgets {

/// Min/max decimation for drawing: cuts the x range of `points` (sorted by x) into `buckets`
/// equal intervals and keeps, per interval, its lowest and highest point in x order (and the
/// first and last points), so spikes survive and a million points draw as ~2 per pixel column.
/// Fewer points than 2 x buckets are returned as they are.
QList<QPointF> decimateMinMax(const QList<QPointF>& points, int buckets);

}  // namespace distlab::widgets
