#include "app/averaging_results.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace distlab::app {
namespace {

struct AveragingResults {
  Q_DECLARE_TR_FUNCTIONS(AveragingResults)
};

QPointF point(const QJsonValue& v) {
  const QJsonArray pair = v.toArray();
  return {pair.at(0).toDouble(), pair.at(1).toDouble()};
}

std::vector<QPointF> path(const QJsonValue& v) {
  std::vector<QPointF> out;
  for (const QJsonValue& p : v.toArray()) out.push_back(point(p));
  return out;
}

std::vector<double> numbers(const QJsonValue& v) {
  std::vector<double> out;
  for (const QJsonValue& x : v.toArray()) out.push_back(x.toDouble());
  return out;
}

}  // namespace

bool readAveragingResults(const QString& path, widgets::AveragingData* out, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = AveragingResults::tr("Cannot read %1").arg(path);
    return false;
  }
  QJsonParseError parseError;
  const QJsonObject j = QJsonDocument::fromJson(file.readAll(), &parseError).object();
  if (parseError.error != QJsonParseError::NoError || !j.contains("central")) {
    *error = AveragingResults::tr("%1 is not a lesson 1 result").arg(path);
    return false;
  }
  widgets::AveragingData d;
  d.start = point(j["start"]);
  d.lr = j["lr"].toDouble();
  d.localSteps = j["local_steps"].toInt(1);
  d.weighted = j["weighted"].toBool(true);
  for (const QJsonValue& s : j["client_sizes"].toArray()) d.clientSizes.push_back(s.toInt());
  d.clientWeights = numbers(j["client_weights"]);
  const QJsonObject one = j["one_step"].toObject();
  d.oneStepCentral = point(one["central"]);
  d.oneStepGradientAveraging = point(one["gradient_averaging"]);
  d.oneStepModelAveraging = point(one["model_averaging"]);
  d.oneStepPlainMean = point(one["plain_mean"]);
  d.oneStepClientModels = ::distlab::app::path(one["client_models"]);
  d.central = ::distlab::app::path(j["central"]);
  d.gradientAveraging = ::distlab::app::path(j["gradient_averaging"]);
  d.modelAveraging = ::distlab::app::path(j["model_averaging"]);
  for (const QJsonValue& p : j["client_paths"].toArray()) {
    d.clientPaths.push_back(::distlab::app::path(p));
  }
  d.averagedModelLoss = numbers(j["averaged_model_loss"]);
  d.meanClientLoss = numbers(j["mean_client_loss"]);
  for (const QJsonValue& p : j["people"].toArray()) {
    const QJsonArray person = p.toArray();
    d.people.push_back({person.at(0).toDouble(), person.at(1).toDouble(), person.at(2).toInt()});
  }
  *out = std::move(d);
  return true;
}

}  // namespace distlab::app
