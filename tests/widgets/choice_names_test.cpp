#include <QCoreApplication>
#include <QSet>
#include <QTranslator>

#include <algorithm>

#include <gtest/gtest.h>

#include "core/spec_schema.h"
#include "widgets/choice_names.h"

namespace distlab::widgets {
namespace {

bool hasChinese(const QString& text) {
  return std::any_of(text.begin(), text.end(),
                     [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

// Every value the schema allows, with the field it belongs to (a registered strategy too).
std::vector<std::pair<QString, QString>> everyChoice() {
  std::vector<std::pair<QString, QString>> out;
  for (const engine::SpecField& f : engine::specSchema()) {
    if (f.type != engine::FieldType::Choice || !f.choices) continue;
    for (const std::string& id : f.choices()) {
      out.emplace_back(QString::fromUtf8(f.path.data(), static_cast<qsizetype>(f.path.size())),
                       QString::fromStdString(id));
    }
  }
  return out;
}

// The experiment form lists no spec id as it is: each value of each choice field has a name,
// and no two values of a field share one (in English and in Chinese).
TEST(ChoiceNamesTest, EveryValueOfEveryChoiceFieldHasItsOwnName) {
  const auto choices = everyChoice();
  ASSERT_GT(choices.size(), 100u);
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  for (const bool inChinese : {false, true}) {
    if (inChinese) QCoreApplication::installTranslator(&chinese);
    QMap<QString, QSet<QString>> namesOfField;
    for (const auto& [field, id] : choices) {
      const QString name = ChoiceNames::name(field, id);
      EXPECT_NE(name, id) << "no name for " << field.toStdString() << " " << id.toStdString();
      EXPECT_FALSE(namesOfField[field].contains(name))
          << field.toStdString() << ": two values named " << name.toStdString();
      namesOfField[field].insert(name);
    }
    if (inChinese) QCoreApplication::removeTranslator(&chinese);
  }
}

// In Chinese a name is Chinese, or a proper name or acronym the same in every language (one
// word: "FedAvg", "L-BFGS", "CIFAR-10").
TEST(ChoiceNamesTest, EveryNameIsSaidInChineseOrIsAProperName) {
  QTranslator chinese;
  ASSERT_TRUE(chinese.load(":/i18n/distlab_zh_CN.qm"));
  std::vector<std::pair<QString, QString>> said;
  QCoreApplication::installTranslator(&chinese);
  for (const auto& [field, id] : everyChoice()) {
    said.emplace_back(field + " " + id, ChoiceNames::name(field, id));
  }
  QCoreApplication::removeTranslator(&chinese);
  for (const auto& [what, name] : said) {
    EXPECT_TRUE(hasChinese(name) || !name.contains(' '))
        << what.toStdString() << ": " << name.toStdString();
  }
}

TEST(ChoiceNamesTest, AListItemStartsWithACapitalUnlessItsFirstWordHasItsOwn) {
  EXPECT_EQ(ChoiceNames::name("security.attack", "sign-flip"), "sign flip");
  EXPECT_EQ(ChoiceNames::itemName("security.attack", "sign-flip"), "Sign flip");
  EXPECT_EQ(ChoiceNames::itemName("privacy.attack", "idlg"), "iDLG (the label read off first)");
  // The same id in two fields is two things.
  EXPECT_NE(ChoiceNames::name("fl.algorithm", "fedavg"),
            ChoiceNames::name("fl.server_optimizer", "fedavg"));
  EXPECT_EQ(ChoiceNames::name("no.such_field", "x"), "x");
}

}  // namespace
}  // namespace distlab::widgets
