// The schema's rows of the security section (lesson 8): see spec_schema.cpp.
#include "core/spec_schema_rows.h"
#include "core/strategy_names.h"

namespace distlab::engine {
namespace {

using T = FieldType;
using G = FieldGroup;
constexpr const char* kUsers = "cluster security";

const SpecField kSecurityFields[] = {
    {.path = "security.attack",
     .type = T::Choice,
     .group = G::Security,
     .choices = poisonAttackNames,
     .label = "Attack",
     .help = "What the malicious workers do: label-flip and backdoor poison their data; "
             "model-replacement is the backdoor boosted; sign-flip, scale, gaussian, alie and "
             "ipm change the update they push.",
     .usedBy = kUsers,
     .slot = SLOT(security.attack)},
    {.path = "security.attackers",
     .type = T::IntegerList,
     .group = G::Security,
     .min = 0,
     .max = kMaxWorkers - 1,
     .maxItems = kMaxWorkers,
     .label = "Malicious workers",
     .help = "The ranks of the workers that attack (they collude); the others are honest.",
     .usedBy = kUsers,
     .shownWhen = "security.attack=label-flip|backdoor|model-replacement|"
                  "sign-flip|scale|gaussian|alie|ipm",
     .slot = SLOT(security.attackers)},
    {.path = "security.attack_strength",
     .type = T::Number,
     .group = G::Security,
     .min = 0,
     .max = 1e6,
     .label = "Attack strength",
     .help = "The attack's knob (0: its default): sign-flip and scale the factor (4, 10), "
             "model-replacement the boost (the worker count), gaussian the deviation (1), alie "
             "z (from the worker and attacker counts), ipm epsilon (0.5).",
     .usedBy = kUsers,
     .minMeans = "default",
     .shownWhen = "security.attack=model-replacement|sign-flip|scale|gaussian|alie|ipm",
     .slot = SLOT(security.attackStrength)},
    {.path = "security.backdoor_target",
     .type = T::Integer,
     .group = G::Security,
     .min = 0,
     .max = 99,
     .label = "Backdoor target",
     .help = "The class a stamped image (a small bright square in its corner) should be taken "
             "for.",
     .usedBy = kUsers,
     .shownWhen = "security.attack=backdoor|model-replacement",
     .slot = SLOT(security.backdoorTarget)},
    {.path = "security.poison_share",
     .type = T::Number,
     .group = G::Security,
     .advanced = true,
     .min = 0,
     .max = 1,
     .minExclusive = true,
     .label = "Poisoned share",
     .help = "The share of a malicious worker's batch that gets the trigger and the target "
             "label.",
     .usedBy = kUsers,
     .shownWhen = "security.attack=backdoor|model-replacement",
     .slot = SLOT(security.poisonShare)},
    {.path = "security.aggregator",
     .type = T::Choice,
     .group = G::Security,
     .choices = robustAggregatorNames,
     .label = "Server's rule",
     .help = "How the server combines a round's pushes: the mean, or a rule that resists "
             "malicious pushes (coordinate-wise median or trimmed mean; Krum, Multi-Krum and "
             "Bulyan leave out far pushes; norm and centred clipping bound them); bsp or "
             "local-sgd.",
     .usedBy = kUsers,
     .slot = SLOT(security.aggregator)},
    {.path = "security.assumed_attackers",
     .type = T::Integer,
     .group = G::Security,
     .advanced = true,
     .min = -1,
     .max = kMaxWorkers,
     .label = "Attackers assumed (f)",
     .help = "How many malicious pushes Krum, Multi-Krum and Bulyan are built to survive (-1: "
             "as many as there are attackers); Krum needs 2f + 3 workers, Bulyan 4f + 3.",
     .usedBy = kUsers,
     .minMeans = "the attackers",
     .shownWhen = "security.aggregator=krum|multi-krum|bulyan",
     .slot = SLOT(security.assumedAttackers)},
    {.path = "security.trim",
     .type = T::Number,
     .group = G::Security,
     .min = 0,
     .max = 0.5,
     .label = "Trimmed share",
     .help = "trimmed-mean: the share of values cut at each end of every coordinate.",
     .usedBy = kUsers,
     .shownWhen = "security.aggregator=trimmed-mean",
     .slot = SLOT(security.trimFraction)},
    {.path = "security.krum_select",
     .type = T::Integer,
     .group = G::Security,
     .advanced = true,
     .min = 0,
     .max = kMaxWorkers,
     .label = "Multi-Krum picks",
     .help = "multi-krum: how many of the best-scored pushes are averaged (0: n - f).",
     .usedBy = kUsers,
     .minMeans = "n - f",
     .shownWhen = "security.aggregator=multi-krum",
     .slot = SLOT(security.krumSelect)},
    {.path = "security.clip_norm",
     .type = T::Number,
     .group = G::Security,
     .min = 0,
     .max = 1e6,
     .label = "Clipping bound",
     .help = "norm-clip: pushes longer than this are scaled down to it; centered-clip: the same "
             "for their distance to the last aggregate (0: the round's median).",
     .usedBy = kUsers,
     .minMeans = "the median",
     .shownWhen = "security.aggregator=norm-clip|centered-clip",
     .slot = SLOT(security.clipNorm)},
    {.path = "security.compare",
     .type = T::Choice,
     .group = G::Security,
     .choices = CHOICES("none", "rules", "grid"),
     .label = "Compare",
     .help = "After the run, the same training again on the same seed: rules runs every "
             "server rule with this attack and without one; grid runs every rule against every "
             "attack. Final accuracy and backdoor success in a table.",
     .usedBy = "security",
     .slot = SLOT(security.compare)},
};

}  // namespace

std::span<const SpecField> securitySpecFields() { return kSecurityFields; }

}  // namespace distlab::engine
