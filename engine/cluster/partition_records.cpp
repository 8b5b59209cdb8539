#include "cluster/partition_records.h"

#include "cluster/worker_schedule.h"
#include "core/stopwatch.h"
#include "data/partitioners/partitioner.h"

namespace distlab::engine {

std::vector<Event> partitionRecords(const Spec& spec, const Dataset& train) {
  const auto& c = spec.cluster;
  const auto labels = partitionLabels(train);
  const bool splitsAgain = partitioners().at(c.partition).splitsAgain();
  constexpr int kSplitsRecorded = 64;
  std::vector<Event> records;
  int splits = 0;
  for (int epoch = 0; epoch < spec.training.epochs && splits < kSplitsRecorded;
       epoch += splitsAgain ? c.reshuffleEvery : spec.training.epochs, ++splits) {
    const Partition partition = partitionForEpoch(spec, train, epoch);
    const auto stats = partitionStats(partition, labels, train.numClasses);
    for (std::size_t k = 0; k < stats.size(); ++k) {
      const auto& st = stats[k];
      records.push_back(PartitionShare{steadyNowNs(),
                                       static_cast<int>(k),
                                       epoch,
                                       st.size,
                                       st.distinct,
                                       st.unseenFraction,
                                       {st.labelCounts.begin(), st.labelCounts.end()}});
    }
    // The lecture's number for sampling with replacement: the share no worker ever sees (~1/e).
    records.push_back(SplitSummary{steadyNowNs(), epoch, unusedFraction(partition, train.size())});
  }
  return records;
}

}  // namespace distlab::engine
