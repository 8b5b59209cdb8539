#include "lessons/security/security_outcome.h"

#include <algorithm>

#include "lessons/lesson_result.h"

namespace distlab::engine {
namespace {

std::vector<int> attackersOf(std::span<const Event> events) {
  for (const Event& e : events) {
    if (const auto* started = std::get_if<RunStarted>(&e)) return started->attackers;
  }
  return {};
}

bool contains(const std::vector<int>& ranks, int rank) {
  return std::find(ranks.begin(), ranks.end(), rank) != ranks.end();
}

}  // namespace

SecurityOutcome securityOutcome(std::span<const Event> events) {
  SecurityOutcome out;
  const auto attackers = attackersOf(events);
  double attackerSum = 0.0, honestSum = 0.0;
  std::uint64_t honestPushes = 0;
  for (const Event& e : events) {
    if (const auto* evaluation = std::get_if<Evaluation>(&e)) {
      out.testAccuracy = evaluation->testAccuracy;
      out.backdoorSuccess = evaluation->backdoorSuccess;
    }
    const auto* v = std::get_if<PushVerdicts>(&e);
    if (!v) continue;
    for (std::size_t i = 0; i < v->workers.size(); ++i) {
      const bool attacker = contains(attackers, v->workers[i]);
      const bool flagged = v->fates[i] != PushFate::Kept;
      ++out.judgedPushes;
      out.flagged += flagged;
      out.flaggedAttackers += flagged && attacker;
      out.attackerPushes += attacker;
      honestPushes += !attacker;
      (attacker ? attackerSum : honestSum) += v->scores[i];
    }
  }
  if (out.flagged) out.precision = static_cast<double>(out.flaggedAttackers) / out.flagged;
  if (out.attackerPushes) {
    out.recall = static_cast<double>(out.flaggedAttackers) / out.attackerPushes;
    out.attackerScore = attackerSum / static_cast<double>(out.attackerPushes);
  }
  if (honestPushes) out.honestScore = honestSum / static_cast<double>(honestPushes);
  return out;
}

ResultTable detectionTable(std::span<const Event> events, int workers) {
  const auto attackers = attackersOf(events);
  const auto n = static_cast<std::size_t>(workers);
  std::vector<double> judged(n), kept(n), clipped(n), excluded(n), norm(n), cosine(n), score(n);
  for (const Event& e : events) {
    const auto* v = std::get_if<PushVerdicts>(&e);
    if (!v) continue;
    for (std::size_t i = 0; i < v->workers.size(); ++i) {
      const auto w = static_cast<std::size_t>(v->workers[i]);
      if (w >= n) continue;
      judged[w] += 1;
      kept[w] += v->fates[i] == PushFate::Kept;
      clipped[w] += v->fates[i] == PushFate::Clipped;
      excluded[w] += v->fates[i] == PushFate::Excluded;
      norm[w] += v->norms[i];
      cosine[w] += v->cosines[i];
      score[w] += v->scores[i];
    }
  }
  ResultTable table{"detection",
                    {numbers("worker"), numbers("attacker"), numbers("judged"), numbers("kept"),
                     numbers("clipped"), numbers("excluded"), numbers("mean_norm"),
                     numbers("mean_cosine"), numbers("mean_score")}};
  for (std::size_t w = 0; w < n; ++w) {
    const double count = std::max(judged[w], 1.0);
    const double row[] = {static_cast<double>(w),
                          contains(attackers, static_cast<int>(w)) ? 1.0 : 0.0,
                          judged[w],
                          kept[w],
                          clipped[w],
                          excluded[w],
                          norm[w] / count,
                          cosine[w] / count,
                          score[w] / count};
    for (std::size_t c = 0; c < std::size(row); ++c) table.columns[c].numbers.push_back(row[c]);
  }
  return table;
}

}  // namespace distlab::engine
