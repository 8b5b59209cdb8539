#pragma once
#include <QColor>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace distlab::widgets {

/// Who took part in each federated round (lesson 6): a grid of rounds (left to right) by
/// clients (top to bottom), each cell coloured by what became of the client that round; a red
/// tick above a round that had too few results to move the model. Like Flower's logs of fit
/// results and failures, at a glance.
class ParticipationChart : public QWidget {
  Q_OBJECT

 public:
  enum class Cell : std::uint8_t {
    Idle,         ///< online, not sampled
    Offline,      ///< not available this round
    Trained,      ///< its update was used
    LateCarried,  ///< late: its update used in the next round
    LateDropped,  ///< late: its update thrown away
    DroppedOut,   ///< went offline mid-round
    Lost,         ///< its worker process died
  };
  static constexpr int kCellKinds = 7;

  explicit ParticipationChart(QWidget* parent = nullptr);

  /// A round's last attempt: the offline clients, the sampled ones and what became of each,
  /// and whether it moved the global model. Rounds may arrive with gaps; clients beyond the
  /// known count extend the grid.
  void setRound(int round, const std::vector<int>& offline, const std::vector<int>& sampled,
                const std::vector<Cell>& outcomes, bool applied);
  void setClients(int clients);
  void clear();

  int rounds() const { return static_cast<int>(m_rounds.size()); }
  int clients() const { return m_clients; }
  Cell cell(int round, int client) const;
  bool applied(int round) const;
  /// Cells of that kind over every round.
  int count(Cell kind) const;
  static QColor color(Cell kind);
  QSize sizeHint() const override { return {600, 260}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  struct Round {
    std::vector<Cell> cells;  ///< by client
    bool applied = true;
  };
  std::vector<Round> m_rounds;
  int m_clients = 0;
};

}  // namespace distlab::widgets
