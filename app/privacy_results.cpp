#include "app/privacy_results.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/engine_csv.h"

namespace distlab::app {
bool readPrivacyResults(const QString& folder, widgets::PrivacyData* out, QString* error) {
  widgets::PrivacyData d;
  QList<QStringList> results, curve, utility;
  if (!readEngineCsv(folder + "/results.csv", 6, &results, error) ||
      !readEngineCsv(folder + "/attack.csv", 4, &curve, error)) {
    return false;
  }
  d.grid = QImage(folder + "/reconstruction.png");
  for (const QStringList& r : results) {
    d.images.push_back(
        {r[0].toInt(), r[1].toInt(), r[2].toInt(), r[4].toDouble(), r[5].toDouble()});
  }
  for (const QStringList& c : curve) {
    d.curve.push_back({c[0].toInt(), c[1].toDouble(), c[2].toDouble(), c[3].toDouble()});
  }
  if (QFile::exists(folder + "/privacy_utility.csv")) {
    if (!readEngineCsv(folder + "/privacy_utility.csv", 6, &utility, error)) return false;
    for (const QStringList& u : utility) {
      d.utility.push_back({u[0], u[1].toDouble(), u[2].toDouble(), u[3].toDouble(), u[4].toDouble(),
                           u[5] == QLatin1String("cluster")});
    }
  }
  // The run's spec names the data set, so the labels can be named too.
  if (QFile spec(folder + "/spec.json"); spec.open(QIODevice::ReadOnly)) {
    d.dataset = QJsonDocument::fromJson(spec.readAll())
                    .object()
                    .value("dataset")
                    .toObject()
                    .value("name")
                    .toString();
  }
  *out = std::move(d);
  return true;
}

}  // namespace distlab::app
