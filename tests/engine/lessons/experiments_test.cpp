// The experiments registry and the lessons' presets: every lesson is a valid spec in its
// experiment's folder, and each experiment checks the combinations it cannot run.
#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include "core/spec.h"
#include "core/strategy_names.h"
#include "lessons/experiment.h"

namespace distlab::engine {
namespace {

const std::string kLessons = std::string(DISTLAB_SOURCE_DIR) + "/engine/lessons/";

TEST(ExperimentsTest, EveryExperimentIsRegisteredAndEveryLessonIsAValidPresetOfItsExperiment) {
  EXPECT_EQ(experimentNames(), (std::vector<std::string>{"cluster", "averaging", "aggregation",
                                                         "convexity", "inversion",
                                                         "model_parallel", "federated",
                                                         "security", "adversarial", "property", "compression"}));
  std::size_t presets = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kLessons)) {
    presets += entry.path().extension() == ".json";
  }
  EXPECT_EQ(lessonCatalogue().size(), presets) << "a preset that no lesson lists, or the reverse";
  EXPECT_EQ(lessonCatalogue().front().id, "default");
  for (const LessonEntry& lesson : lessonCatalogue()) {
    SCOPED_TRACE(std::string(lesson.id));
    const std::string file =
        kLessons + std::string(lesson.experiment) + "/" + std::string(lesson.id) + ".json";
    const Spec spec = loadSpecFile(file);
    EXPECT_EQ(spec.experiment, lesson.experiment);
    EXPECT_NE(experiments().find(spec.experiment), nullptr);
  }
}

TEST(ExperimentsTest, EachExperimentRefusesTheCombinationsItCannotRun) {
  Spec spec;
  std::vector<SpecError> errors;
  spec.experiment = "averaging";
  experiments().at("averaging").validate(spec, errors);  // fashion-mnist and an mlp
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].path, "dataset.name");
  EXPECT_EQ(errors[1].path, "model.arch");
  errors.clear();
  spec.model.arch = "linear";
  spec.privacy.images.clear();
  experiments().at("inversion").validate(spec, errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1].path, "privacy.images");
  EXPECT_TRUE(experiments().at("cluster").announcesItself());
  EXPECT_FALSE(experiments().at("averaging").usesPartitioner());
  Spec sweep;
  sweep.privacy.utilityTraining = "cluster";
  sweep.privacy.sweepStrengths = {0.1};
  EXPECT_TRUE(experiments().at("inversion").defendsPushes(sweep));
  EXPECT_FALSE(experiments().at("inversion").defendsPushes(Spec{}));
}

// A lesson that trains a cluster reads the cluster's fields: the form shows them for it.
TEST(ExperimentsTest, TheClustersFieldsAreReadByEveryExperimentThatTrainsOne) {
  const auto readers = fieldReaders("cluster inversion");
  for (const char* name : {"cluster", "inversion", "security", "adversarial", "property"}) {
    EXPECT_NE(std::find(readers.begin(), readers.end(), name), readers.end()) << name;
  }
  EXPECT_EQ(std::find(readers.begin(), readers.end(), "averaging"), readers.end());
  EXPECT_EQ(fieldReaders("inversion"), (std::vector<std::string>{"inversion"}));
  EXPECT_EQ(fieldReaders("all"), (std::vector<std::string>{"all"}));
}

}  // namespace
}  // namespace distlab::engine
