#include "widgets/layout_diagram.h"

#include <QPainter>

#include <algorithm>
#include <map>
#include <set>

namespace distlab::widgets {

LayoutDiagram::LayoutDiagram(QWidget* parent) : QWidget(parent) { setMinimumHeight(150); }

void LayoutDiagram::setBlocks(Split split, std::vector<Block> blocks) {
  m_split = split;
  m_blocks = std::move(blocks);
  update();
}

QColor LayoutDiagram::ownerColor(int owner) {
  static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                  QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                  QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                  QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};
  if (owner == kSkeleton) return QColor(0x33, 0x33, 0x33);
  if (owner == kNobody) return QColor(0xdd, 0xdd, 0xdd);
  return colors[static_cast<std::size_t>(std::max(owner, 0)) % std::size(colors)];
}

QString LayoutDiagram::ownerName(Split split, int owner) {
  if (owner == kSkeleton) return tr("skeleton (every worker)");
  if (owner == kNobody) return tr("no worker");
  switch (split) {
    case Split::Pipeline:
      return tr("Stage %1").arg(owner);
    case Split::Tensor:
      return tr("Shard %1").arg(owner);
    case Split::Skeleton:
      break;
  }
  return tr("Worker %1").arg(owner);
}

void LayoutDiagram::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().color(QPalette::Base));
  paint(p, rect(), m_split, m_blocks, palette());
}

void LayoutDiagram::paint(QPainter& p, const QRect& frame, Split split,
                          const std::vector<Block>& blocks, const QPalette& palette) {
  if (blocks.empty()) return;
  std::map<int, std::vector<const Block*>> layers;
  std::set<int> owners;
  for (const auto& b : blocks) {
    layers[b.layer].push_back(&b);
    owners.insert(b.owner);
  }
  const int legendHeight = 22, labelHeight = 16, margin = 8;
  const QRect area = frame.adjusted(margin, margin, -margin, -(legendHeight + labelHeight));
  const int columns = static_cast<int>(layers.size());
  const double step = static_cast<double>(area.width()) / std::max(columns, 1);
  const double barWidth = std::min(60.0, step * 0.5);
  int column = 0;
  p.setPen(palette.color(QPalette::Text));
  p.setBrush(Qt::NoBrush);
  for (const auto& [layer, layerBlocks] : layers) {
    const double x = area.left() + step * (column++ + 0.5) - barWidth / 2;
    const double width = layerBlocks.front()->width;
    // Skeleton workers' own neurons may overlap (a neuron two workers drew counts for both):
    // their blocks then share the neurons some worker holds, in proportion to their counts.
    double all = 0.0, processes = 0.0;
    for (const Block* b : layerBlocks) {
      all += b->neurons;
      if (b->owner >= 0) processes += b->neurons;
    }
    const double processScale =
        all > width && processes > 0 ? std::max(0.0, processes - (all - width)) / processes : 1.0;
    double y = area.top();
    for (const Block* b : layerBlocks) {
      const double neurons = b->owner >= 0 ? b->neurons * processScale : b->neurons;
      const double h = width > 0 ? area.height() * neurons / width : 0.0;
      const QRectF r(x, y, barWidth, h);
      p.fillRect(r, ownerColor(b->owner));
      if (b->owner == kSkeleton) p.fillRect(r, QBrush(QColor(255, 255, 255, 90), Qt::BDiagPattern));
      y += h;
    }
    p.drawRect(QRectF(x, area.top(), barWidth, area.height()));
    p.drawText(QRectF(x - step / 2, area.bottom() + 2, barWidth + step, labelHeight),
               Qt::AlignHCenter | Qt::AlignTop, QString::number(width, 'f', 0));
  }
  int x = area.left();
  const int legendY = frame.bottom() - legendHeight + 4;
  for (int owner : owners) {
    p.fillRect(QRect(x, legendY + 2, 12, 12), ownerColor(owner));
    const QString name = ownerName(split, owner);
    p.drawText(QPoint(x + 16, legendY + 12), name);
    x += 16 + p.fontMetrics().horizontalAdvance(name) + 18;
  }
}

}  // namespace distlab::widgets
