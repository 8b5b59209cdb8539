#include "widgets/result_names.h"

#include <QStringList>

#include "widgets/adversarial_view.h"
#include "widgets/choice_names.h"
#include "widgets/compression_view.h"
#include "widgets/privacy_comparison_table.h"
#include "widgets/property_view.h"

namespace distlab::widgets {
namespace {

/// An id's name; `scope` narrows it to one table ("" for every table).
struct Named {
  const char* scope;
  const char* id;
  const char* name;
};

constexpr Named kTables[] = {
    {"", "activation_memory", QT_TRANSLATE_NOOP("ResultNames", "Peak activation memory")},
    {"", "adversarial_examples", QT_TRANSLATE_NOOP("ResultNames", "Adversarial examples")},
    {"", "adversarial_summary", QT_TRANSLATE_NOOP("ResultNames", "Adversarial training, summary")},
    {"", "robustness", QT_TRANSLATE_NOOP("ResultNames", "Accuracy under attack, by ε")},
    {"", "aggregation", QT_TRANSLATE_NOOP("ResultNames", "Aggregation methods, by round")},
    {"", "aggregation_summary", QT_TRANSLATE_NOOP("ResultNames", "Aggregation methods, summary")},
    {"", "attack", QT_TRANSLATE_NOOP("ResultNames", "The attack, by iteration")},
    {"", "results", QT_TRANSLATE_NOOP("ResultNames", "Rebuilt images")},
    {"", "averaging_settings", QT_TRANSLATE_NOOP("ResultNames", "Settings")},
    {"", "averaging_one_step", QT_TRANSLATE_NOOP("ResultNames", "One step of each method")},
    {"", "averaging_clients", QT_TRANSLATE_NOOP("ResultNames", "Clients")},
    {"", "averaging_rounds", QT_TRANSLATE_NOOP("ResultNames", "Rounds")},
    {"", "averaging_client_paths", QT_TRANSLATE_NOOP("ResultNames", "Each client's path")},
    {"", "averaging_people", QT_TRANSLATE_NOOP("ResultNames", "The people (data)")},
    {"", "bubbles", QT_TRANSLATE_NOOP("ResultNames", "Pipeline bubbles")},
    {"", "stages", QT_TRANSLATE_NOOP("ResultNames", "Pipeline stages")},
    {"", "bytes_per_example", QT_TRANSLATE_NOOP("ResultNames", "Bytes per example")},
    {"", "shards", QT_TRANSLATE_NOOP("ResultNames", "Shards within layers")},
    {"", "bytes_per_update", QT_TRANSLATE_NOOP("ResultNames", "Bytes per update")},
    {"", "layout", QT_TRANSLATE_NOOP("ResultNames", "Who owns which neurons")},
    {"", "skeleton_vs_averaging", QT_TRANSLATE_NOOP("ResultNames", "Skeleton against model averaging")},
    {"", "convexity", QT_TRANSLATE_NOOP("ResultNames", "Averaging and convexity")},
    {"", "compression", QT_TRANSLATE_NOOP("ResultNames", "Compressed updates")},
    {"", "property_inference", QT_TRANSLATE_NOOP("ResultNames", "Property inference")},
    {"", "property_rounds", QT_TRANSLATE_NOOP("ResultNames", "Property inference, by round")},
    {"", "comparison", QT_TRANSLATE_NOOP("ResultNames", "Client rules compared")},
    {"", "comparison_curves", QT_TRANSLATE_NOOP("ResultNames", "Client rules compared, by round")},
    {"", "federated", QT_TRANSLATE_NOOP("ResultNames", "Federated learning")},
    {"", "privacy_comparison", QT_TRANSLATE_NOOP("ResultNames", "Protections compared")},
    {"", "privacy_utility", QT_TRANSLATE_NOOP("ResultNames", "Privacy against utility")},
    {"", "ring_bytes_per_step", QT_TRANSLATE_NOOP("ResultNames", "Bytes per step, server against ring")},
    {"", "ring_workers", QT_TRANSLATE_NOOP("ResultNames", "Ring workers")},
    {"", "ring_time", QT_TRANSLATE_NOOP("ResultNames", "Time per step, ring")},
    {"", "ps_vs_ring", QT_TRANSLATE_NOOP("ResultNames", "Parameter server against ring")},
    {"", "detection", QT_TRANSLATE_NOOP("ResultNames", "What the rule did with each worker")},
    {"", "security_comparison", QT_TRANSLATE_NOOP("ResultNames", "Attacks against rules")},
};

// Column names. Acronyms and symbols (AUC, MSE, PSNR, ε, a, b) are the same in every language
// and stay in kSymbols.
constexpr Named kSymbols[] = {
    {"", "a", "a"},         {"", "b", "b"},         {"", "auc", "AUC"},
    {"", "mse", "MSE"},     {"", "psnr", "PSNR (dB)"}, {"", "ssim", "SSIM"},
    {"", "epsilon", "ε"},   {"", "l2", "L2"},       {"", "linf", "L∞"},
};

constexpr Named kColumns[] = {
    {"", "1f1b_bytes", QT_TRANSLATE_NOOP("ResultNames", "1F1B (bytes)")},
    {"", "gpipe_bytes", QT_TRANSLATE_NOOP("ResultNames", "GPipe (bytes)")},
    {"privacy_utility", "training", QT_TRANSLATE_NOOP("ResultNames", "utility measured")},
    {"averaging_people", "weight", QT_TRANSLATE_NOOP("ResultNames", "weight (kg)")},
    {"averaging_people", "height", QT_TRANSLATE_NOOP("ResultNames", "height (m)")},
    {"", "adversarial_class", QT_TRANSLATE_NOOP("ResultNames", "class after the attack")},
    {"", "adversarial_confidence", QT_TRANSLATE_NOOP("ResultNames", "confidence after the attack")},
    {"", "algorithm", QT_TRANSLATE_NOOP("ResultNames", "client rule")},
    {"", "attack", QT_TRANSLATE_NOOP("ResultNames", "attack")},
    {"", "attack_accuracy", QT_TRANSLATE_NOOP("ResultNames", "attack accuracy")},
    {"", "attack_psnr", QT_TRANSLATE_NOOP("ResultNames", "attack PSNR (dB)")},
    {"", "attack_ssim", QT_TRANSLATE_NOOP("ResultNames", "attack SSIM")},
    {"", "attacker", QT_TRANSLATE_NOOP("ResultNames", "attacker")},
    {"", "attacker_score", QT_TRANSLATE_NOOP("ResultNames", "attackers' score")},
    {"", "averaged_model_loss", QT_TRANSLATE_NOOP("ResultNames", "loss of the averaged model")},
    {"", "backdoor_success", QT_TRANSLATE_NOOP("ResultNames", "backdoor success")},
    {"", "batch", QT_TRANSLATE_NOOP("ResultNames", "batch size")},
    {"", "busy_share", QT_TRANSLATE_NOOP("ResultNames", "busy share")},
    {"", "bytes", QT_TRANSLATE_NOOP("ResultNames", "bytes")},
    {"", "bytes_down_per_client_round", QT_TRANSLATE_NOOP("ResultNames", "bytes down a client a round")},
    {"", "bytes_from_workers", QT_TRANSLATE_NOOP("ResultNames", "bytes from the workers")},
    {"", "bytes_per_step", QT_TRANSLATE_NOOP("ResultNames", "bytes a step")},
    {"", "bytes_pushed", QT_TRANSLATE_NOOP("ResultNames", "bytes pushed")},
    {"", "bytes_sent", QT_TRANSLATE_NOOP("ResultNames", "bytes sent")},
    {"", "bytes_sent_per_process", QT_TRANSLATE_NOOP("ResultNames", "bytes sent a process")},
    {"", "bytes_to_workers", QT_TRANSLATE_NOOP("ResultNames", "bytes to the workers")},
    {"", "bytes_up_per_client_round", QT_TRANSLATE_NOOP("ResultNames", "bytes up a client a round")},
    {"", "central_a", QT_TRANSLATE_NOOP("ResultNames", "one machine: a")},
    {"", "central_b", QT_TRANSLATE_NOOP("ResultNames", "one machine: b")},
    {"", "clean_accuracy", QT_TRANSLATE_NOOP("ResultNames", "accuracy on clean images")},
    {"", "clean_class", QT_TRANSLATE_NOOP("ResultNames", "class before the attack")},
    {"", "clean_confidence", QT_TRANSLATE_NOOP("ResultNames", "confidence before the attack")},
    {"", "client", QT_TRANSLATE_NOOP("ResultNames", "client")},
    {"", "clients", QT_TRANSLATE_NOOP("ResultNames", "clients")},
    {"", "clients_per_round", QT_TRANSLATE_NOOP("ResultNames", "clients a round")},
    {"", "clipped", QT_TRANSLATE_NOOP("ResultNames", "pushes clipped")},
    {"", "data", QT_TRANSLATE_NOOP("ResultNames", "data split")},
    {"", "data_parallel", QT_TRANSLATE_NOOP("ResultNames", "data parallel")},
    {"", "defense", QT_TRANSLATE_NOOP("ResultNames", "defense")},
    {"", "elapsed_s", QT_TRANSLATE_NOOP("ResultNames", "time (s)")},
    {"", "encoder", QT_TRANSLATE_NOOP("ResultNames", "encoder")},
    {"", "ensemble_loss", QT_TRANSLATE_NOOP("ResultNames", "loss of the ensemble")},
    {"", "epoch", QT_TRANSLATE_NOOP("ResultNames", "epoch")},
    {"", "error_feedback", QT_TRANSLATE_NOOP("ResultNames", "error feedback")},
    {"", "excluded", QT_TRANSLATE_NOOP("ResultNames", "pushes left out")},
    {"", "final_test_accuracy", QT_TRANSLATE_NOOP("ResultNames", "final test accuracy")},
    {"", "first", QT_TRANSLATE_NOOP("ResultNames", "first neuron")},
    {"", "first_layer", QT_TRANSLATE_NOOP("ResultNames", "first layer")},
    {"", "flag_precision", QT_TRANSLATE_NOOP("ResultNames", "flag precision")},
    {"", "flag_recall", QT_TRANSLATE_NOOP("ResultNames", "flag recall")},
    {"", "gradient_a", QT_TRANSLATE_NOOP("ResultNames", "gradient: a")},
    {"", "gradient_b", QT_TRANSLATE_NOOP("ResultNames", "gradient: b")},
    {"", "gradient_averaging_a", QT_TRANSLATE_NOOP("ResultNames", "gradient averaging: a")},
    {"", "gradient_averaging_b", QT_TRANSLATE_NOOP("ResultNames", "gradient averaging: b")},
    {"", "gradient_distance", QT_TRANSLATE_NOOP("ResultNames", "gradient distance")},
    {"", "has_property", QT_TRANSLATE_NOOP("ResultNames", "has the property")},
    {"", "height", QT_TRANSLATE_NOOP("ResultNames", "height")},
    {"", "honest_score", QT_TRANSLATE_NOOP("ResultNames", "honest workers' score")},
    {"", "image", QT_TRANSLATE_NOOP("ResultNames", "image")},
    {"", "iteration", QT_TRANSLATE_NOOP("ResultNames", "iteration")},
    {"", "judged", QT_TRANSLATE_NOOP("ResultNames", "pushes judged")},
    {"", "kept", QT_TRANSLATE_NOOP("ResultNames", "pushes kept")},
    {"", "label", QT_TRANSLATE_NOOP("ResultNames", "label")},
    {"", "layer", QT_TRANSLATE_NOOP("ResultNames", "layer")},
    {"", "layers", QT_TRANSLATE_NOOP("ResultNames", "layers")},
    {"", "levels", QT_TRANSLATE_NOOP("ResultNames", "levels")},
    {"", "local_steps", QT_TRANSLATE_NOOP("ResultNames", "local steps")},
    {"", "loss", QT_TRANSLATE_NOOP("ResultNames", "loss")},
    {"", "lr", QT_TRANSLATE_NOOP("ResultNames", "learning rate")},
    {"", "mean_client_loss", QT_TRANSLATE_NOOP("ResultNames", "clients' mean loss")},
    {"", "mean_cosine", QT_TRANSLATE_NOOP("ResultNames", "mean cosine")},
    {"", "mean_member_loss", QT_TRANSLATE_NOOP("ResultNames", "members' mean loss")},
    {"", "mean_norm", QT_TRANSLATE_NOOP("ResultNames", "mean norm")},
    {"", "mean_psnr", QT_TRANSLATE_NOOP("ResultNames", "mean PSNR (dB)")},
    {"", "mean_score", QT_TRANSLATE_NOOP("ResultNames", "mean score")},
    {"", "measured", QT_TRANSLATE_NOOP("ResultNames", "measured")},
    {"", "method", QT_TRANSLATE_NOOP("ResultNames", "method")},
    {"", "micro_batches", QT_TRANSLATE_NOOP("ResultNames", "micro-batches")},
    {"", "model_a", QT_TRANSLATE_NOOP("ResultNames", "model: a")},
    {"", "model_b", QT_TRANSLATE_NOOP("ResultNames", "model: b")},
    {"", "model_averaging_a", QT_TRANSLATE_NOOP("ResultNames", "model averaging: a")},
    {"", "model_averaging_b", QT_TRANSLATE_NOOP("ResultNames", "model averaging: b")},
    {"", "model_bytes_per_process", QT_TRANSLATE_NOOP("ResultNames", "model bytes a process")},
    {"", "model_parameters", QT_TRANSLATE_NOOP("ResultNames", "model parameters")},
    {"", "model_share", QT_TRANSLATE_NOOP("ResultNames", "share of the model")},
    {"", "neurons", QT_TRANSLATE_NOOP("ResultNames", "neurons")},
    {"", "owner", QT_TRANSLATE_NOOP("ResultNames", "owner")},
    {"", "parameters", QT_TRANSLATE_NOOP("ResultNames", "parameters")},
    {"", "pareto", QT_TRANSLATE_NOOP("ResultNames", "on the Pareto front")},
    {"", "peak_activation_bytes", QT_TRANSLATE_NOOP("ResultNames", "peak activation bytes")},
    {"", "pipeline", QT_TRANSLATE_NOOP("ResultNames", "pipeline")},
    {"", "pipeline_measured", QT_TRANSLATE_NOOP("ResultNames", "pipeline (measured)")},
    {"", "property_share", QT_TRANSLATE_NOOP("ResultNames", "share with the property")},
    {"", "protection", QT_TRANSLATE_NOOP("ResultNames", "protection")},
    {"", "ps_seconds_per_step", QT_TRANSLATE_NOOP("ResultNames", "server: seconds a step")},
    {"", "ps_server_link", QT_TRANSLATE_NOOP("ResultNames", "server's link")},
    {"", "ps_server_link_measured", QT_TRANSLATE_NOOP("ResultNames", "server's link (measured)")},
    {"", "ps_worker", QT_TRANSLATE_NOOP("ResultNames", "server: a worker")},
    {"", "ps_worker_sends", QT_TRANSLATE_NOOP("ResultNames", "server: a worker sends")},
    {"", "ps_worker_sends_measured", QT_TRANSLATE_NOOP("ResultNames", "server: a worker sends (measured)")},
    {"", "ratio", QT_TRANSLATE_NOOP("ResultNames", "ratio")},
    {"", "raw_bytes", QT_TRANSLATE_NOOP("ResultNames", "bytes uncompressed")},
    {"", "recovered_label", QT_TRANSLATE_NOOP("ResultNames", "recovered label")},
    {"", "ring_seconds_per_step", QT_TRANSLATE_NOOP("ResultNames", "ring: seconds a step")},
    {"", "ring_worker", QT_TRANSLATE_NOOP("ResultNames", "ring: a worker")},
    {"", "ring_worker_measured", QT_TRANSLATE_NOOP("ResultNames", "ring: a worker (measured)")},
    {"", "ring_worker_sends", QT_TRANSLATE_NOOP("ResultNames", "ring: a worker sends")},
    {"", "ring_worker_sends_measured", QT_TRANSLATE_NOOP("ResultNames", "ring: a worker sends (measured)")},
    {"", "robust_accuracy", QT_TRANSLATE_NOOP("ResultNames", "accuracy under attack")},
    {"", "round", QT_TRANSLATE_NOOP("ResultNames", "round")},
    {"", "rounds", QT_TRANSLATE_NOOP("ResultNames", "rounds")},
    {"", "rule", QT_TRANSLATE_NOOP("ResultNames", "rule")},
    {"", "run", QT_TRANSLATE_NOOP("ResultNames", "run")},
    {"", "samples_per_second", QT_TRANSLATE_NOOP("ResultNames", "examples a second")},
    {"", "score", QT_TRANSLATE_NOOP("ResultNames", "score")},
    {"", "seconds_per_round", QT_TRANSLATE_NOOP("ResultNames", "seconds a round")},
    {"", "seconds_per_step", QT_TRANSLATE_NOOP("ResultNames", "seconds a step")},
    {"", "secure_aggregation", QT_TRANSLATE_NOOP("ResultNames", "secure aggregation")},
    {"", "server_learns", QT_TRANSLATE_NOOP("ResultNames", "the server learns")},
    {"", "server_ms_per_round", QT_TRANSLATE_NOOP("ResultNames", "server's ms a round")},
    {"", "server_optimizer", QT_TRANSLATE_NOOP("ResultNames", "server optimizer")},
    {"", "setting", QT_TRANSLATE_NOOP("ResultNames", "setting")},
    {"", "shadow_examples", QT_TRANSLATE_NOOP("ResultNames", "shadow examples")},
    {"", "shard", QT_TRANSLATE_NOOP("ResultNames", "shard")},
    {"", "size", QT_TRANSLATE_NOOP("ResultNames", "examples")},
    {"", "stage", QT_TRANSLATE_NOOP("ResultNames", "stage")},
    {"", "stages", QT_TRANSLATE_NOOP("ResultNames", "stages")},
    {"", "start", QT_TRANSLATE_NOOP("ResultNames", "start")},
    {"", "start_a", QT_TRANSLATE_NOOP("ResultNames", "start: a")},
    {"", "start_b", QT_TRANSLATE_NOOP("ResultNames", "start: b")},
    {"", "step", QT_TRANSLATE_NOOP("ResultNames", "step")},
    {"", "strength", QT_TRANSLATE_NOOP("ResultNames", "strength")},
    {"", "test_accuracy", QT_TRANSLATE_NOOP("ResultNames", "test accuracy")},
    {"", "test_index", QT_TRANSLATE_NOOP("ResultNames", "test image")},
    {"", "test_loss", QT_TRANSLATE_NOOP("ResultNames", "test loss")},
    {"", "theory", QT_TRANSLATE_NOOP("ResultNames", "theory")},
    {"", "theory_these_stages", QT_TRANSLATE_NOOP("ResultNames", "theory for these stages")},
    {"", "train_seconds", QT_TRANSLATE_NOOP("ResultNames", "training time (s)")},
    {"", "training", QT_TRANSLATE_NOOP("ResultNames", "training")},
    {"", "wall_s", QT_TRANSLATE_NOOP("ResultNames", "wall time (s)")},
    {"", "weight", QT_TRANSLATE_NOOP("ResultNames", "weight")},
    {"", "weighted", QT_TRANSLATE_NOOP("ResultNames", "weighted")},
    {"", "width", QT_TRANSLATE_NOOP("ResultNames", "width")},
    {"", "worker", QT_TRANSLATE_NOOP("ResultNames", "worker")},
    {"", "worker_parameters", QT_TRANSLATE_NOOP("ResultNames", "parameters a worker")},
    {"", "workers", QT_TRANSLATE_NOOP("ResultNames", "workers")},
    {"", "false_positive_rate", QT_TRANSLATE_NOOP("ResultNames", "false positive rate")},
    {"", "true_positive_rate", QT_TRANSLATE_NOOP("ResultNames", "true positive rate")},
};

// Text columns whose values are a spec field's choices: (table or "", column) -> field.
constexpr Named kValueFields[] = {
    {"security_comparison", "rule", "security.aggregator"},
    {"", "rule", "fl.algorithm"},
    {"", "algorithm", "fl.algorithm"},
    {"", "attack", "security.attack"},
    {"", "data", "cluster.partition"},
    {"", "defense", "privacy.defense"},
    {"", "encoder", "cluster.encoder"},
    {"", "protection", "protection"},
    {"", "server_optimizer", "fl.server_optimizer"},
    {"", "start", "start"},
    {"privacy_utility", "training", "privacy.utility_training"},
    {"", "training", "adversarial.training"},
};

/// Lesson 8c's runs ("none", "secure-aggregation", "<defense>-<strength>"), as its view says them.
QString propertySettingName(const QString& label) {
  PropertyData::Setting s;
  s.secure = label == "secure-aggregation";
  const qsizetype dash = label.lastIndexOf('-');
  if (!s.secure && label != "none" && dash > 0) {
    s.defense = label.left(dash);
    s.strength = label.mid(dash + 1).toDouble();
  } else {
    s.defense = "none";
  }
  return PropertyView::settingName(s);
}

/// Lesson 4b's runs ("<encoder>[-<ratio or levels>][+ef]"), as its view says them.
QString compressionRunName(QString label) {
  CompressionData::Run r;
  r.feedback = label.endsWith("+ef");
  if (r.feedback) label.chop(3);
  const qsizetype dash = label.indexOf('-');
  r.encoder = dash > 0 ? label.left(dash) : label;
  if (dash > 0) {
    if (r.encoder == "qsgd") r.levels = label.mid(dash + 1).toInt();
    else r.ratio = label.mid(dash + 1).toDouble();
  }
  return CompressionView::runName(r);
}

// Other values of text columns (the methods a lesson compares).
constexpr Named kValues[] = {
    {"", "central", QT_TRANSLATE_NOOP("ResultNames", "one machine")},
    {"", "plain_mean", QT_TRANSLATE_NOOP("ResultNames", "plain mean over the clients")},
    {"", "gradient_averaging", QT_TRANSLATE_NOOP("ResultNames", "gradient averaging")},
    {"", "model_averaging", QT_TRANSLATE_NOOP("ResultNames", "model averaging")},
    {"", "skeleton", QT_TRANSLATE_NOOP("ResultNames", "random skeleton")},
    {"", "data_parallel", QT_TRANSLATE_NOOP("ResultNames", "data parallel")},
    {"", "tensor", QT_TRANSLATE_NOOP("ResultNames", "within layers (theory)")},
    {"", "tensor_measured", QT_TRANSLATE_NOOP("ResultNames", "within layers (measured)")},
};

template <std::size_t Size>
const Named* find(const Named (&names)[Size], const QString& scope, const QString& id) {
  const Named* any = nullptr;
  for (const Named& n : names) {
    if (id != QLatin1String(n.id)) continue;
    if (scope == QLatin1String(n.scope)) return &n;
    if (!*n.scope && !any) any = &n;
  }
  return any;
}

template <std::size_t Size>
void addIds(const Named (&names)[Size], QStringList& out) {
  for (const Named& n : names) out << QLatin1String(n.id);
}

}  // namespace

QString ResultNames::table(const QString& id) {
  const Named* n = find(kTables, {}, id);
  return n ? tr(n->name) : id;
}

QString ResultNames::column(const QString& table, const QString& id) {
  if (const Named* n = find(kColumns, table, id)) return tr(n->name);
  if (const Named* n = find(kSymbols, table, id)) return QString::fromUtf8(n->name);
  return id;
}

QString ResultNames::value(const QString& table, const QString& column, const QString& id) {
  if (column == "server_learns") return PrivacyComparisonTable::learnsName(id);
  if (table == "property_inference" && column == "setting") return propertySettingName(id);
  if (table == "compression" && column == "run") return compressionRunName(id);
  if (id == "trained-run") return tr("the trained run");
  if (const Named* field = find(kValueFields, table, column)) {
    return ChoiceNames::name(QLatin1String(field->name), id);
  }
  const Named* n = find(kValues, {}, id);
  return n ? tr(n->name) : id;
}

QString ResultNames::flag(const QString& column, double value) {
  static const QStringList flags = {"attacker",           "pareto",   "error_feedback",
                                    "secure_aggregation", "weighted", "has_property"};
  if (!flags.contains(column) || (value != 0.0 && value != 1.0)) return {};
  return value == 1.0 ? tr("yes") : tr("no");
}

QString ResultNames::curve(const QString& experiment, const QString& id) {
  // Lesson 8b's curves: one a way of training, as its table's training column says them.
  if (experiment == "adversarial") return value("robustness", "training", id);
  if (id.startsWith("roc ")) return QStringLiteral("ROC: ") + propertySettingName(id.mid(4));
  // The convexity study's curves: "<start> <column>".
  const qsizetype space = id.indexOf(' ');
  if (experiment == "convexity" && space > 0) {
    return tr("%1: %2").arg(ChoiceNames::name("start", id.left(space)),
                            column({}, id.mid(space + 1)));
  }
  return column({}, id);
}

QStringList ResultNames::knownTables() {
  QStringList ids;
  addIds(kTables, ids);
  return ids;
}

QStringList ResultNames::knownColumns() {
  QStringList ids;
  addIds(kColumns, ids);
  addIds(kSymbols, ids);
  return ids;
}

QStringList ResultNames::symbolColumns() {
  QStringList ids;
  addIds(kSymbols, ids);
  return ids;
}

}  // namespace distlab::widgets
