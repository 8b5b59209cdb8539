#pragma once
#include <QCoreApplication>
#include <QString>

#include "telemetry/events.h"

namespace distlab::app {

/// The status bar's account of a run, from its typed records: the epoch reached, the last
/// evaluation, the workers alive, pause; and a message of the window's own.
class RunStatus {
  Q_DECLARE_TR_FUNCTIONS(RunStatus)

 public:
  /// A new run of `epochs` epochs on `workers` workers (a run whose RunStarted says it counts
  /// rounds then counts them).
  void start(int epochs, int workers, const QString& message);
  void onEvent(const engine::Event& event, std::int64_t runStartNs);
  void setMessage(const QString& message) { m_message = message; }
  void setPaused(bool paused) { m_paused = paused; }
  /// Every epoch reached (a lesson computed in one go).
  void complete() { m_epoch = m_epochs; }

  /// The line to show; traffic is the bytes measured so far.
  QString text(bool running, std::uint64_t trafficBytes) const;
  /// The progress bar: hundredths of an epoch done and in all, and its label.
  int progressValue() const { return static_cast<int>(m_epoch * 100); }
  int progressMaximum() const { return std::max(m_epochs, 1) * 100; }
  QString progressText() const;
  /// "Finished: test accuracy ..." for a run that ended well (and the examples lost workers
  /// left untrained, when there are some).
  QString finished() const;
  double epoch() const { return m_epoch; }
  /// The run evaluated a global model (a cluster run), so finished() has numbers to give.
  bool evaluated() const { return m_evaluated; }
  bool paused() const { return m_paused; }

 private:
  QString m_message;
  int m_epochs = 0, m_workers = 0, m_alive = 0;
  double m_epoch = 0.0, m_accuracy = 0.0, m_samplesPerSecond = 0.0;
  bool m_paused = false;
  bool m_evaluated = false;
  bool m_processes = false;  ///< a model-parallel run: stages or shards, not workers
  bool m_rounds = false;     ///< a federated run: its progress is in rounds
  std::uint64_t m_untrained = 0;  ///< examples of lost workers' shares (ShareUntrained)
};

}  // namespace distlab::app
