#pragma once
#include <QColor>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace distlab::widgets {

/// The server's verdict on every push of every judged round (lesson 8): a grid of rounds (left
/// to right) by workers (top to bottom), each cell coloured by what the rule made of that
/// worker's push; the attackers' rows are named in red on the left.
class VerdictGrid : public QWidget {
  Q_OBJECT

 public:
  enum class Fate : std::uint8_t { None, Kept, Clipped, Excluded };
  explicit VerdictGrid(QWidget* parent = nullptr);

  void setWorkers(int workers);
  /// A federated run judges clients: its rows are named "Client N".
  void setRowsAreClients(bool clients);
  void setAttackers(std::vector<int> attackers);
  /// A round's verdicts, by worker; rounds arrive in order.
  void addRound(const std::vector<int>& workers, const std::vector<Fate>& fates);
  void clear();

  int rounds() const { return static_cast<int>(m_rounds.size()); }
  int workers() const { return m_workers; }
  Fate fate(int round, int worker) const;
  int count(Fate fate) const;
  bool isAttacker(int worker) const;
  static QColor color(Fate fate);
  QSize sizeHint() const override { return {600, 220}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  std::vector<std::vector<Fate>> m_rounds;  ///< by round, then worker
  QString rowName(int row) const;

  std::vector<int> m_attackers;
  int m_workers = 0;
  bool m_clients = false;
};

}  // namespace distlab::widgets
