#include "widgets/choice_names.h"

#include <iterator>

#include "widgets/adversarial_view.h"
#include "widgets/privacy_comparison_table.h"
#include "widgets/privacy_view.h"
#include "widgets/security_view.h"

namespace distlab::widgets {
namespace {

struct Named {
  const char* field;
  const char* id;
  const char* name;
};

// Names that are the same in every language.
constexpr Named kProperNames[] = {
    {"dataset.name", "fashion-mnist", "Fashion-MNIST"},
    {"dataset.name", "mnist", "MNIST"},
    {"dataset.name", "cifar10", "CIFAR-10"},
    {"model.arch", "mlp", "MLP"},
    {"model.arch", "lenet5", "LeNet-5"},
    {"model.activation", "relu", "ReLU"},
    {"model.activation", "sigmoid", "Sigmoid"},
    {"model.activation", "tanh", "Tanh"},
    {"model.activation", "softplus", "Softplus"},
    {"model.init", "he", "He"},
    {"model.init", "xavier", "Xavier"},
    {"training.optimizer", "sgd", "SGD"},
    {"training.optimizer", "adam", "Adam"},
    {"cluster.encoder", "qsgd", "QSGD"},
    {"cluster.transport", "tcp", "TCP"},
    {"model_parallel.schedule", "gpipe", "GPipe"},
    {"model_parallel.schedule", "1f1b", "1F1B"},
    {"fl.algorithm", "fedavg", "FedAvg"},
    {"fl.algorithm", "fedprox", "FedProx"},
    {"fl.algorithm", "scaffold", "SCAFFOLD"},
    {"fl.server_optimizer", "fedavgm", "FedAvgM"},
    {"fl.server_optimizer", "fedadagrad", "FedAdagrad"},
    {"fl.server_optimizer", "fedadam", "FedAdam"},
    {"fl.server_optimizer", "fedyogi", "FedYogi"},
    {"privacy.distance", "l2", "L2"},
    {"privacy.optimizer", "lbfgs", "L-BFGS"},
    {"privacy.optimizer", "adam", "Adam"},
};

// Names said in the window's language (context "ChoiceNames").
constexpr Named kNames[] = {
    {"experiment", "cluster", QT_TRANSLATE_NOOP("ChoiceNames", "training on a cluster")},
    {"experiment", "averaging", QT_TRANSLATE_NOOP("ChoiceNames", "gradient vs model averaging")},
    {"experiment", "aggregation", QT_TRANSLATE_NOOP("ChoiceNames", "aggregation rules")},
    {"experiment", "convexity", QT_TRANSLATE_NOOP("ChoiceNames", "averaging and convexity")},
    {"experiment", "inversion", QT_TRANSLATE_NOOP("ChoiceNames", "gradient inversion")},
    {"experiment", "model_parallel", QT_TRANSLATE_NOOP("ChoiceNames", "model partitioning")},
    {"experiment", "federated", QT_TRANSLATE_NOOP("ChoiceNames", "federated learning")},
    {"experiment", "security", QT_TRANSLATE_NOOP("ChoiceNames", "poisoning and robust rules")},
    {"experiment", "adversarial", QT_TRANSLATE_NOOP("ChoiceNames", "adversarial examples")},
    {"experiment", "property", QT_TRANSLATE_NOOP("ChoiceNames", "property inference")},
    {"experiment", "compression", QT_TRANSLATE_NOOP("ChoiceNames", "compressed updates")},
    {"dataset.name", "height-weight", QT_TRANSLATE_NOOP("ChoiceNames", "height and weight (regression)")},
    {"dataset.name", "blobs", QT_TRANSLATE_NOOP("ChoiceNames", "Gaussian blobs (2-D)")},
    {"dataset.name", "spirals", QT_TRANSLATE_NOOP("ChoiceNames", "two spirals (2-D)")},
    {"dataset.normalize", "none", QT_TRANSLATE_NOOP("ChoiceNames", "as stored")},
    {"dataset.normalize", "standardize", QT_TRANSLATE_NOOP("ChoiceNames", "standardize (mean 0, std 1)")},
    {"model.arch", "linear", QT_TRANSLATE_NOOP("ChoiceNames", "linear (one layer)")},
    {"model.init", "uniform", QT_TRANSLATE_NOOP("ChoiceNames", "uniform (in the given range)")},
    {"training.loss", "cross-entropy", QT_TRANSLATE_NOOP("ChoiceNames", "cross-entropy (softmax)")},
    {"training.loss", "mse", QT_TRANSLATE_NOOP("ChoiceNames", "mean squared error (MSE)")},
    {"cluster.sync", "bsp", QT_TRANSLATE_NOOP("ChoiceNames", "BSP (synchronous)")},
    {"cluster.sync", "asp", QT_TRANSLATE_NOOP("ChoiceNames", "ASP (asynchronous)")},
    {"cluster.sync", "ssp", QT_TRANSLATE_NOOP("ChoiceNames", "SSP (bounded staleness)")},
    {"cluster.sync", "local-sgd", QT_TRANSLATE_NOOP("ChoiceNames", "local SGD (models averaged)")},
    {"cluster.sync", "allreduce", QT_TRANSLATE_NOOP("ChoiceNames", "ring all-reduce (no server)")},
    {"cluster.aggregation", "weighted-mean", QT_TRANSLATE_NOOP("ChoiceNames", "weighted mean (by examples)")},
    {"cluster.aggregation", "mean", QT_TRANSLATE_NOOP("ChoiceNames", "plain mean")},
    {"cluster.model_aggregation", "average", QT_TRANSLATE_NOOP("ChoiceNames", "model averaging (MA-DNN)")},
    {"cluster.model_aggregation", "ensemble", QT_TRANSLATE_NOOP("ChoiceNames", "ensemble (E-DNN)")},
    {"cluster.model_aggregation", "ensemble-compression", QT_TRANSLATE_NOOP("ChoiceNames", "ensemble-compression (EC-DNN)")},
    {"cluster.partition", "shuffle-split", QT_TRANSLATE_NOOP("ChoiceNames", "shuffle and split")},
    {"cluster.partition", "with-replacement", QT_TRANSLATE_NOOP("ChoiceNames", "random sampling with replacement")},
    {"cluster.partition", "dirichlet", QT_TRANSLATE_NOOP("ChoiceNames", "Dirichlet by label (non-IID)")},
    {"cluster.partition", "shards", QT_TRANSLATE_NOOP("ChoiceNames", "label-sorted shards (non-IID)")},
    {"cluster.partition", "quantity-skew", QT_TRANSLATE_NOOP("ChoiceNames", "unequal sizes (quantity skew)")},
    {"cluster.encoder", "float32", QT_TRANSLATE_NOOP("ChoiceNames", "32-bit floats")},
    {"cluster.encoder", "fp16", QT_TRANSLATE_NOOP("ChoiceNames", "16-bit floats")},
    {"cluster.encoder", "int8", QT_TRANSLATE_NOOP("ChoiceNames", "8-bit integers")},
    {"cluster.encoder", "topk", QT_TRANSLATE_NOOP("ChoiceNames", "top-k (the largest values)")},
    {"cluster.encoder", "randk", QT_TRANSLATE_NOOP("ChoiceNames", "random-k")},
    {"cluster.encoder", "sign", QT_TRANSLATE_NOOP("ChoiceNames", "sign (1 bit)")},
    {"cluster.transport", "shared-memory", QT_TRANSLATE_NOOP("ChoiceNames", "shared memory")},
    {"model_parallel.mode", "pipeline", QT_TRANSLATE_NOOP("ChoiceNames", "pipeline (by layers)")},
    {"model_parallel.mode", "tensor", QT_TRANSLATE_NOOP("ChoiceNames", "within layers")},
    {"model_parallel.mode", "skeleton", QT_TRANSLATE_NOOP("ChoiceNames", "random skeleton")},
    {"model_parallel.balance", "layers", QT_TRANSLATE_NOOP("ChoiceNames", "whole layers")},
    {"model_parallel.balance", "neurons", QT_TRANSLATE_NOOP("ChoiceNames", "even work (a layer split by neurons)")},
    {"model_parallel.weight_gradients", "each", QT_TRANSLATE_NOOP("ChoiceNames", "in each backward pass")},
    {"model_parallel.weight_gradients", "grouped", QT_TRANSLATE_NOOP("ChoiceNames", "grouped later (zero bubble)")},
    {"fl.server_optimizer", "fedavg", QT_TRANSLATE_NOOP("ChoiceNames", "FedAvg (the average as the step)")},
    {"fl.late", "wait", QT_TRANSLATE_NOOP("ChoiceNames", "wait for them")},
    {"fl.late", "drop", QT_TRANSLATE_NOOP("ChoiceNames", "drop their updates")},
    {"fl.late", "next", QT_TRANSLATE_NOOP("ChoiceNames", "use them in the next round")},
    {"fl.too_few", "retry", QT_TRANSLATE_NOOP("ChoiceNames", "sample again")},
    {"fl.too_few", "skip", QT_TRANSLATE_NOOP("ChoiceNames", "skip the round")},
    {"privacy.distance", "cosine", QT_TRANSLATE_NOOP("ChoiceNames", "cosine similarity")},
    {"privacy.utility_training", "in-process", QT_TRANSLATE_NOOP("ChoiceNames", "in this process (fast)")},
    {"privacy.utility_training", "cluster", QT_TRANSLATE_NOOP("ChoiceNames", "on a real cluster")},
    {"privacy.dp", "none", QT_TRANSLATE_NOOP("ChoiceNames", "no differential privacy")},
    {"privacy.dp", "central", QT_TRANSLATE_NOOP("ChoiceNames", "central DP (the server adds noise)")},
    {"privacy.dp", "local", QT_TRANSLATE_NOOP("ChoiceNames", "local DP (each worker or client adds noise)")},
    {"security.compare", "none", QT_TRANSLATE_NOOP("ChoiceNames", "no comparison")},
    {"security.compare", "rules", QT_TRANSLATE_NOOP("ChoiceNames", "every rule against this attack")},
    {"security.compare", "grid", QT_TRANSLATE_NOOP("ChoiceNames", "every rule against every attack")},
    {"adversarial.attack", "fgsm", QT_TRANSLATE_NOOP("ChoiceNames", "FGSM (one step)")},
    {"adversarial.attack", "pgd", QT_TRANSLATE_NOOP("ChoiceNames", "PGD (projected steps)")},
    {"adversarial.norm", "linf", QT_TRANSLATE_NOOP("ChoiceNames", "L∞ (each pixel)")},
    {"adversarial.norm", "l2", QT_TRANSLATE_NOOP("ChoiceNames", "L2 (the whole change)")},
    // Lessons' own settings of a part (engine::StageSetting), not spec fields.
    {"start", "common", QT_TRANSLATE_NOOP("ChoiceNames", "every worker from the same start")},
    {"start", "different", QT_TRANSLATE_NOOP("ChoiceNames", "each worker from its own start")},
};

const Named* find(const Named* begin, const Named* end, const QString& field, const QString& id) {
  for (const Named* n = begin; n != end; ++n) {
    if (field == QLatin1String(n->field) && id == QLatin1String(n->id)) return n;
  }
  return nullptr;
}

}  // namespace

QString ChoiceNames::name(const QString& field, const QString& id) {
  // The lessons' own views name these already; one name for each everywhere.
  if (field == "security.attack") return SecurityView::attackName(id);
  if (field == "security.aggregator") return SecurityView::ruleName(id);
  if (field == "privacy.attack") return PrivacyView::attackName(id);
  if (field == "privacy.defense") return PrivacyView::defenseName(id);
  if (field == "adversarial.training") return AdversarialView::trainingName(id);
  if (field == "protection") return PrivacyComparisonTable::protectionName(id);
  if (const Named* n = find(std::begin(kProperNames), std::end(kProperNames), field, id)) {
    return QString::fromUtf8(n->name);
  }
  if (const Named* n = find(std::begin(kNames), std::end(kNames), field, id)) {
    return QCoreApplication::translate("ChoiceNames", n->name);
  }
  return id;
}

QString ChoiceNames::itemName(const QString& field, const QString& id) {
  QString text = name(field, id);
  // "sign flip" -> "Sign flip"; a first word with a capital of its own ("iDLG") is kept.
  const QString first = text.section(' ', 0, 0);
  if (!text.isEmpty() && first == first.toLower()) text[0] = text[0].toUpper();
  return text;
}

}  // namespace distlab::widgets
