#include "nn/trainer.h"

#include <algorithm>
#include <numeric>

#include "core/error.h"
#include "core/stopwatch.h"
#include "nn/builders.h"

namespace distlab::engine {
Trainer::Trainer(const Spec& spec, TrainTest data)
    : m_spec(spec),
      m_data(std::move(data)),
      m_model(buildModelFor(spec, m_data.train)),
      m_optimizer(makeOptimizer(spec.training)),
      m_loss(lossFromName(spec.training.loss)),
      m_shuffleRng(Rng::stream(spec.seed, RngPurpose::Shuffle)),
      m_order(m_data.train.size()) {
  if (m_data.train.size() == 0) throw Error("the training set is empty");
  std::iota(m_order.begin(), m_order.end(), std::size_t{0});
}

EpochReport Trainer::runEpoch() {
  Stopwatch trainClock;
  if (m_spec.training.shuffle) m_shuffleRng.shuffle(std::span<std::size_t>(m_order));
  const auto batchSize = static_cast<std::size_t>(m_spec.training.batchSize);
  std::size_t n = m_order.size();
  if (m_spec.training.dropLast && n >= batchSize) n -= n % batchSize;
  double lossSum = 0.0;
  for (std::size_t start = 0; start < n; start += batchSize) {
    const std::span<const std::size_t> rows(m_order.data() + start, std::min(batchSize, n - start));
    gatherBatch(m_data.train, rows, m_x, m_labels, m_targets);
    if (start + batchSize < n) {
      prefetchRows(m_data.train,
                   std::span<const std::size_t>(m_order.data() + start + batchSize,
                                                std::min(batchSize, n - start - batchSize)));
    }
    const Matrix& out = m_model.forward(m_x);
    const BatchTargets targets{m_labels, m_targets.size() > 0 ? &m_targets : nullptr};
    lossSum += computeLoss(m_loss, out, targets, &m_dOut) * static_cast<double>(rows.size());
    m_model.backward(m_dOut);
    m_optimizer->step(m_model.parameters(), m_model.gradients());
    ++m_step;
  }
  EpochReport report;
  report.trainSeconds = trainClock.seconds();
  report.epoch = ++m_epoch;
  report.step = m_step;
  report.trainLoss = lossSum / static_cast<double>(n);
  report.samplesPerSecond = static_cast<double>(n) / std::max(report.trainSeconds, 1e-9);
  report.test = evaluate(m_model, m_data.test, m_loss);
  m_elapsed += trainClock.seconds();
  report.elapsedSeconds = m_elapsed;
  return report;
}

std::vector<EpochReport> Trainer::run(const std::function<void(const EpochReport&)>& onEpoch) {
  std::vector<EpochReport> reports;
  while (m_epoch < m_spec.training.epochs) {
    reports.push_back(runEpoch());
    if (onEpoch) onEpoch(reports.back());
  }
  return reports;
}

}  // namespace distlab::engine
