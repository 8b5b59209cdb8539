#pragma once
#include <string>
#include <vector>

namespace distlab::engine {

// The registered names of each strategy family, for the spec's schema (core/spec_schema.cpp),
// which lists them as a field's allowed values. Each is defined beside its family's registry.

std::vector<std::string> experimentNames();       ///< lessons/experiments.cpp
std::vector<std::string> syncRuleNames();         ///< cluster/sync/sync_policies.cpp
std::vector<std::string> partitionerNames();      ///< data/partitioners/partitioners.cpp
std::vector<std::string> modelAggregatorNames();  ///< aggregate/models/model_aggregators.cpp
std::vector<std::string> pushAggregatorNames();   ///< aggregate/pushes/push_aggregators.cpp
std::vector<std::string> defenseNames();          ///< defenses/defenses.cpp
std::vector<std::string> attackNames();           ///< attacks/attacks.cpp
std::vector<std::string> updateEncoderNames();    ///< encoders/update_encoders.cpp
std::vector<std::string> partitionModeNames();    ///< lessons/model_parallel/partition_modes.cpp
std::vector<std::string> clientRuleNames();       ///< federated/client_rules/client_rules.cpp
std::vector<std::string> robustAggregatorNames();  ///< aggregate/robust/robust_aggregators.cpp
std::vector<std::string> poisonAttackNames();      ///< security/poison_attacks.cpp
std::vector<std::string> adversarialAttackNames();  ///< security/adversarial/adversarial_attacks.cpp
std::vector<std::string> robustTrainingNames();     ///< security/adversarial/robust_trainings.cpp
std::vector<std::string> serverOptimizerNames();  ///< federated/server_optimizers/...

}  // namespace distlab::engine
