#include "app/engine_text.h"

#include "app/engine_text_patterns.h"

namespace distlab::app {

QString EngineText::specError(const engine::SpecError& e) {
  // The engine's problems that the Experiment panel can cause, in the window's language; any
  // other keeps the engine's English sentence.
  QStringList a;
  for (const auto& arg : e.args) a << QString::fromStdString(arg);
  const auto arg = [&](int i) { return a.value(i); };
  if (e.code == "lenet5_needs_images") {
    return tr("LeNet-5 needs an image data set (fashion-mnist, mnist or cifar10), not %1")
        .arg(arg(0));
  }
  if (e.code == "loss_needs_labels") {
    return tr("%1 needs class labels; height-weight is a regression: use mse").arg(arg(0));
  }
  if (e.code == "partition_needs_labels") {
    return tr("%1 splits by class label, and height-weight has none: use shuffle-split or "
              "with-replacement")
        .arg(arg(0));
  }
  if (e.code == "per_worker_count") {
    return tr("%1 entries for %2 workers: give one per worker, or none for all alike")
        .arg(arg(0), arg(1));
  }
  if (e.code == "item_out_of_range") {
    return tr("%1 is out of range: allowed are numbers from %2 to %3").arg(arg(0), arg(1), arg(2));
  }
  if (e.code == "item_not_a_number") return tr("%1 is not a number").arg(arg(0));
  if (e.code == "not_a_list") {
    return tr("%1 is not a list of numbers from %2 to %3, such as 3, 1, 1")
        .arg(arg(0), arg(1), arg(2));
  }
  return QString::fromStdString(e.message);
}

QString EngineText::stderrLine(const QString& line) {
  // Progress and lifecycle lines are written from the telemetry, translated (see onMetric and
  // onLifecycle); the engine's own copies of them on stderr would only repeat them in English.
  static const QRegularExpression repeated(R"(^(update \d+ |server: |worker \d+: |done: ))");
  if (repeated.match(line).hasMatch()) return {};
  static const QRegularExpression loading(R"(^loading (\S+)\.\.\.$)");
  static const QRegularExpression writing(R"(^writing to (.+)$)");
  if (const auto m = loading.match(line); m.hasMatch()) {
    return tr("Loading the data set %1...").arg(m.captured(1));
  }
  if (const auto w = writing.match(line); w.hasMatch()) {
    return tr("The run's files go to %1").arg(w.captured(1));
  }
  return lessonLine(line).value_or(line);  // anything else the engine says, as it says it
}

QString EngineText::lifecycleDetail(const std::string& english) {
  // The coordinator's lifecycle details (see engine/cluster/coordinator.cpp), in the window's
  // language; a detail not listed here is shown as written.
  const QString text = QString::fromStdString(english);
  static const std::vector<TextPattern> patterns = [] {
    std::vector<TextPattern> p;
    p.push_back({QRegularExpression(R"(^joined, pid (\d+)$)"),
                 [](const QRegularExpressionMatch& m) { return tr("pid %1").arg(m.captured(1)); }});
    p.push_back({QRegularExpression(R"(^joined, started by hand$)"),
                 [](const QRegularExpressionMatch&) { return tr("started by hand"); }});
    p.push_back({QRegularExpression(R"(^rejoined at clock (\d+), pid (\d+)$)"),
                 [](const QRegularExpressionMatch& m) {
                   return tr("from step %1, pid %2").arg(m.captured(1), m.captured(2));
                 }});
    p.push_back({QRegularExpression(R"(^(connection closed|peer closed the connection)$)"),
                 [](const QRegularExpressionMatch&) { return tr("its connection closed"); }});
    p.push_back({QRegularExpression(R"(^killed from the monitor$)"),
                 [](const QRegularExpressionMatch&) { return tr("killed from the window"); }});
    p.push_back({QRegularExpression(R"(^no heartbeat for (\d+) ms$)"),
                 [](const QRegularExpressionMatch& m) {
                   return tr("no sign of life for %1 ms").arg(m.captured(1));
                 }});
    p.push_back({QRegularExpression(R"(^every worker finished$)"),
                 [](const QRegularExpressionMatch&) { return tr("every worker finished"); }});
    p.push_back({QRegularExpression(R"(^every worker died$)"),
                 [](const QRegularExpressionMatch&) { return tr("every worker died"); }});
    p.push_back({QRegularExpression(R"(^stopped by a monitor$)"),
                 [](const QRegularExpressionMatch&) { return tr("stopped from the window"); }});
    p.push_back(
        {QRegularExpression(R"(^slowed down ([0-9.]+)x$)"), [](const QRegularExpressionMatch& m) {
           return tr("%1 times slower").arg(m.captured(1).toDouble());
         }});
    p.push_back(
        {QRegularExpression(R"(^(\d+) workers, (\S+), (\S+), (\d+) parameters, port (\d+)$)"),
         [](const QRegularExpressionMatch& m) {
           return tr("%1 workers, %2, %3 partitioning, %4 parameters, port %5")
               .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5));
         }});
    p.push_back({QRegularExpression(R"(^connection refused: wrong token: authentication failed$)"),
                 [](const QRegularExpressionMatch&) { return tr("wrong token"); }});
    return p;
  }();
  return sayByPattern(text, patterns).value_or(text);
}

}  // namespace distlab::app
