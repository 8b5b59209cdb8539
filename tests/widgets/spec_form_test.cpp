#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTranslator>
#include <QCoreApplication>

#include <gtest/gtest.h>

#include "app/spec_fields.h"
#include "core/spec_schema.h"
#include "widgets/spec_form.h"

namespace distlab::widgets {
namespace {

QJsonObject json(const char* text) { return QJsonDocument::fromJson(text).object(); }

TEST(SpecFormTest, RoundTripsASpecAndKeepsFieldsItDoesNotShow) {
  const QJsonObject original = json(R"({"name": "x", "seed": 9,
      "dataset": {"name": "blobs", "samples": 500},
      "training": {"epochs": 3, "lr": 0.05, "momentum": 0.9},
      "cluster": {"workers": 4, "sync": "ssp", "staleness": 2, "slowdown": [3, 1, 1, 1]}})");
  SpecForm form(app::specFormFields());
  form.setSpec(original);
  EXPECT_EQ(form.spec(), original);  // nothing added: defaults stay implicit
  // A list shows each value by its name and keeps the spec's id.
  const auto* sync = qobject_cast<QComboBox*>(form.editorFor("cluster.sync"));
  EXPECT_EQ(sync->currentData().toString(), "ssp");
  EXPECT_EQ(sync->currentText(), "SSP (bounded staleness)");
  EXPECT_EQ(sync->itemData(sync->currentIndex(), Qt::ToolTipRole).toString(), "ssp");
  EXPECT_EQ(qobject_cast<QLineEdit*>(form.editorFor("cluster.slowdown"))->text(), "3, 1, 1, 1");
  EXPECT_EQ(qobject_cast<QComboBox*>(form.editorFor("model.arch"))->currentText(), "MLP");
  // Picking a name writes its id.
  ASSERT_TRUE(form.choose("cluster.partition", "with-replacement"));
  EXPECT_EQ(qobject_cast<QComboBox*>(form.editorFor("cluster.partition"))->currentText(),
            "Random sampling with replacement");
  EXPECT_EQ(form.spec()["cluster"].toObject()["partition"].toString(), "with-replacement");
  EXPECT_FALSE(form.choose("cluster.partition", "no-such-split"));
  EXPECT_FALSE(form.choose("training.lr", "0.1"));
}

// The panel shows what the spec's experiment reads: a pipeline has stages and micro-batches, no
// synchronization rule; a cluster the other way round. Choosing another experiment switches them.
TEST(SpecFormTest, ShowsOnlyTheFieldsOfTheSpecsExperiment) {
  SpecForm form(app::specFormFields());
  form.setSpec(json(R"({"experiment": "model_parallel"})"));
  EXPECT_TRUE(form.isShown("model_parallel.stages"));
  EXPECT_TRUE(form.isShown("training.lr"));
  EXPECT_FALSE(form.isShown("cluster.sync"));
  EXPECT_FALSE(form.isShown("privacy.attack"));
  ASSERT_TRUE(form.choose("experiment", "cluster"));
  EXPECT_FALSE(form.isShown("model_parallel.stages"));
  EXPECT_TRUE(form.isShown("cluster.sync"));
  // A lesson that trains a cluster shows the cluster's fields beside its own.
  form.setSpec(json(R"({"experiment": "property"})"));
  EXPECT_TRUE(form.isShown("cluster.workers"));
  EXPECT_TRUE(form.isShown("cluster.sync"));
  EXPECT_TRUE(form.isShown("privacy.property_class"));
  EXPECT_TRUE(form.isShown("privacy.sweep_strengths"));
  EXPECT_FALSE(form.isShown("privacy.attack"));
  form.setSpec(json(R"({"experiment": "security"})"));
  EXPECT_TRUE(form.isShown("cluster.workers"));
  EXPECT_TRUE(form.isShown("security.attack"));
  EXPECT_FALSE(form.isShown("privacy.property_class"));
  // Hidden fields still keep what the spec says.
  form.setSpec(json(R"({"experiment": "cluster", "model_parallel": {"stages": 3}})"));
  EXPECT_EQ(form.spec().value("model_parallel").toObject().value("stages").toInt(), 3);
}

// A field that matters only for some value of another (schema: shownWhen) follows that choice.
TEST(SpecFormTest, FieldsOfOneModeOrStrategyShowOnlyWhenItIsChosen) {
  SpecForm form(app::specFormFields());
  form.setSpec(json(R"({"experiment": "model_parallel", "model_parallel": {"mode": "pipeline"}})"));
  EXPECT_TRUE(form.isShown("model_parallel.stages"));
  EXPECT_TRUE(form.isShown("model_parallel.micro_batches"));
  EXPECT_FALSE(form.isShown("model_parallel.shards"));
  EXPECT_FALSE(form.isShown("model_parallel.skeleton_fraction"));
  EXPECT_TRUE(form.isShown("model_parallel.eval_every"));  // every mode's
  auto* mode = qobject_cast<QComboBox*>(form.editorFor("model_parallel.mode"));
  mode->setCurrentIndex(mode->findData("tensor"));
  EXPECT_FALSE(form.isShown("model_parallel.stages"));
  EXPECT_TRUE(form.isShown("model_parallel.shards"));
  EXPECT_FALSE(form.isShown("model_parallel.skeleton_fraction"));
  EXPECT_FALSE(form.isShown("cluster.local_steps"));
  mode->setCurrentIndex(mode->findData("skeleton"));
  EXPECT_TRUE(form.isShown("model_parallel.shards"));
  EXPECT_TRUE(form.isShown("model_parallel.skeleton_fraction"));
  EXPECT_TRUE(form.isShown("cluster.local_steps"));  // a skeleton round's local steps
  // Lesson 1 reads the local steps and has no sync rule: the condition on it does not apply.
  form.setSpec(json(R"({"experiment": "averaging"})"));
  EXPECT_TRUE(form.isShown("cluster.local_steps"));
  // The cluster's partitioner and sync rule decide their own parameters' rows.
  form.setSpec(json(R"({"cluster": {"partition": "dirichlet", "sync": "bsp"}})"));
  EXPECT_TRUE(form.isShown("cluster.dirichlet_alpha"));
  EXPECT_FALSE(form.isShown("cluster.staleness"));
  ASSERT_TRUE(form.choose("cluster.sync", "ssp"));
  EXPECT_TRUE(form.isShown("cluster.staleness"));
  ASSERT_TRUE(form.choose("cluster.partition", "shuffle-split"));
  EXPECT_FALSE(form.isShown("cluster.dirichlet_alpha"));
  // A federated run counts rounds, not epochs.
  form.setSpec(json(R"({"experiment": "federated", "fl": {"algorithm": "fedprox"}})"));
  EXPECT_FALSE(form.isShown("training.epochs"));
  EXPECT_TRUE(form.isShown("fl.rounds"));
  EXPECT_TRUE(form.isShown("fl.mu"));
  EXPECT_FALSE(form.isShown("cluster.dirichlet_alpha"));  // shuffle-split by default
  ASSERT_TRUE(form.choose("fl.algorithm", "scaffold"));
  EXPECT_FALSE(form.isShown("fl.mu"));
  // A number decides too: local epochs replace local steps; the deadline needs a late policy.
  EXPECT_TRUE(form.isShown("fl.local_steps"));
  EXPECT_FALSE(form.isShown("fl.deadline"));
  qobject_cast<QSpinBox*>(form.editorFor("fl.local_epochs"))->setValue(1);
  EXPECT_FALSE(form.isShown("fl.local_steps"));
  ASSERT_TRUE(form.choose("fl.late", "next"));
  EXPECT_TRUE(form.isShown("fl.deadline"));
  form.setSpec(json(R"({"cluster": {"partition": "shuffle-split"}})"));
  // A problem of a hidden field is said at the top, once.
  form.setErrors({{"cluster.dirichlet_alpha", "must be > 0"}});
  EXPECT_EQ(form.shownErrors(), QStringList{"cluster.dirichlet_alpha: must be > 0"});
}

TEST(SpecFormTest, EditsChangeTheSpecAndAreSignalled) {
  SpecForm form(app::specFormFields());
  form.setSpec(json(R"({"cluster": {"workers": 2}})"));
  QSignalSpy edited(&form, &SpecForm::edited);
  ASSERT_TRUE(form.choose("cluster.sync", "asp"));
  qobject_cast<QSpinBox*>(form.editorFor("cluster.workers"))->setValue(3);
  auto* slowdown = qobject_cast<QLineEdit*>(form.editorFor("cluster.slowdown"));
  slowdown->setText("2.5, 1, 1");
  emit slowdown->textEdited(slowdown->text());
  EXPECT_EQ(edited.count(), 3);
  const QJsonObject cluster = form.spec().value("cluster").toObject();
  EXPECT_EQ(cluster.value("sync").toString(), "asp");
  EXPECT_EQ(cluster.value("workers").toInt(), 3);
  EXPECT_EQ(cluster.value("slowdown").toArray(), (QJsonArray{2.5, 1, 1}));
  // Text that is not a list of numbers goes to the engine as text, for it to name the field.
  slowdown->setText("fast, slow");
  EXPECT_EQ(form.spec().value("cluster").toObject().value("slowdown").toString(), "fast, slow");
}

TEST(SpecFormTest, ProblemsAreShownUnderTheirFields) {
  SpecForm form(app::specFormFields());
  form.setSpec(QJsonObject());
  form.setErrors({{"cluster.slowdown[1]", "0.5 is out of range; allowed: numbers from 1 to 1000"},
                  {"cluster.peer_timeout_ms", "too short"},
                  {"model.arch", "\"lenet5\" needs an image data set"}});
  const QStringList shown = form.shownErrors();
  ASSERT_EQ(shown.size(), 3);
  EXPECT_TRUE(shown.contains("model.arch: \"lenet5\" needs an image data set"));
  EXPECT_TRUE(
      shown.contains("cluster.slowdown: 0.5 is out of range; allowed: numbers from 1 to 1000"));
  EXPECT_TRUE(shown.contains("cluster.peer_timeout_ms: too short"));  // no field: at the top
  form.setErrors({});
  EXPECT_TRUE(form.shownErrors().isEmpty());
}

// The form is built from the engine's schema: every field of the spec is in it, with its label
// and help in both languages, and holds the schema's default when the spec leaves it out.
TEST(SpecFormTest, EverySchemaFieldIsInTheFormWithAChineseLabelAndTooltip) {
  SpecForm form(app::specFormFields());
  form.setSpec(QJsonObject());
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  for (const engine::SpecField& f : engine::specSchema()) {
    const QString path = QString::fromUtf8(f.path.data(), static_cast<qsizetype>(f.path.size()));
    QWidget* editor = form.editorFor(path);
    ASSERT_NE(editor, nullptr) << f.path;
    EXPECT_TRUE(editor->toolTip().contains(path)) << f.path;
    const QString english = editor->toolTip();
    QCoreApplication::installTranslator(&chinese);
    QCoreApplication::processEvents();  // the LanguageChange
    const QString translated = editor->toolTip();
    QCoreApplication::removeTranslator(&chinese);
    QCoreApplication::processEvents();
    EXPECT_NE(translated.toStdString(), english.toStdString()) << f.path << " has no Chinese help";
  }
  // Nothing written for fields left at their default.
  EXPECT_EQ(form.spec(), QJsonObject());
}

}  // namespace
}  // namespace distlab::widgets

namespace distlab::widgets {
namespace {

TEST(SpecFormTest, NoTrainingLimitReadsAllAndStillWritesZero) {
  SpecForm form(app::specFormFields());
  form.setSpec(json(R"({"dataset": {"name": "fashion-mnist"}})"));
  auto* limit = qobject_cast<QSpinBox*>(form.editorFor("dataset.train_limit"));
  ASSERT_NE(limit, nullptr);
  EXPECT_EQ(limit->value(), 0);
  EXPECT_EQ(limit->text(), "all");  // not a bare 0, which reads as "no examples"
  limit->setValue(5000);
  EXPECT_EQ(limit->text(), "5000");
  EXPECT_EQ(form.spec().value("dataset").toObject().value("train_limit").toInt(), 5000);
  limit->setValue(0);
  EXPECT_EQ(limit->text(), "all");
  EXPECT_EQ(form.spec().value("dataset").toObject().value("train_limit").toInt(0), 0);
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  QCoreApplication::installTranslator(&chinese);
  QCoreApplication::processEvents();  // the LanguageChange
  const QString chineseText = limit->text();
  QCoreApplication::removeTranslator(&chinese);
  QCoreApplication::processEvents();
  EXPECT_EQ(chineseText, QString::fromUtf8("全部"));
  EXPECT_EQ(limit->text(), "all");
}

TEST(SpecFormTest, SecureAggregationIsACheckBoxThatWritesABoolean) {
  SpecForm form(app::specFormFields());
  form.setSpec(json(R"({"privacy": {"attack": "dlg", "secure_aggregation": true}})"));
  auto* box = qobject_cast<QCheckBox*>(form.editorFor("privacy.secure_aggregation"));
  ASSERT_NE(box, nullptr);
  EXPECT_TRUE(box->isChecked());
  QSignalSpy edited(&form, &SpecForm::edited);
  box->setChecked(false);
  EXPECT_EQ(edited.count(), 1);
  const QJsonObject privacy = form.spec().value("privacy").toObject();
  EXPECT_EQ(privacy.value("secure_aggregation"), QJsonValue(false));
  EXPECT_EQ(privacy.value("attack").toString(), "dlg");  // the rest of the section stays
  SpecForm fresh(app::specFormFields());
  fresh.setSpec(json(R"({"name": "plain"})"));
  EXPECT_FALSE(fresh.spec().contains("privacy"));  // unchecked by default, and left out
}

}  // namespace
}  // namespace distlab::widgets
