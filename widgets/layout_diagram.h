#pragma once
#include <QPalette>
#include <QWidget>

#include <vector>

class QPainter;

namespace distlab::widgets {

/// Who holds which neurons: one column per layer with parameters, its blocks stacked in
/// proportion to their neurons and coloured by the process that holds them; the skeleton
/// (held by every worker) dark and hatched, neurons no worker holds light grey.
class LayoutDiagram : public QWidget {
  Q_OBJECT

 public:
  enum class Split { Pipeline, Tensor, Skeleton };
  struct Block {
    int layer = 0;
    double width = 0.0;    ///< the layer's neurons
    double neurons = 0.0;  ///< this block's
    int owner = 0;         ///< process; -1: the skeleton (every worker); -2: no worker
  };
  static constexpr int kSkeleton = -1, kNobody = -2;

  explicit LayoutDiagram(QWidget* parent = nullptr);
  void setBlocks(Split split, std::vector<Block> blocks);
  const std::vector<Block>& blocks() const { return m_blocks; }
  bool isEmpty() const { return m_blocks.empty(); }
  static QColor ownerColor(int owner);
  QString ownerName(int owner) const { return ownerName(m_split, owner); }
  static QString ownerName(Split split, int owner);
  /// The diagram of these blocks in `area` (the Cluster view draws it too).
  static void paint(QPainter& p, const QRect& area, Split split, const std::vector<Block>& blocks,
                    const QPalette& palette);
  QSize sizeHint() const override { return {600, 170}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  Split m_split = Split::Pipeline;
  std::vector<Block> m_blocks;
};

}  // namespace distlab::widgets
