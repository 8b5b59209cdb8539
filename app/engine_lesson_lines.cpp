// The result lines of the lessons' engine commands (engine/cli/*_command.cpp), in the window's
// language: the log panel shows them next to the lesson's own view.
#include "app/engine_text.h"
#include "app/engine_text_patterns.h"

namespace distlab::app {
namespace {

using Match = QRegularExpressionMatch;

QRegularExpression line(const char* pattern) { return QRegularExpression(pattern); }

QString averagingMethod(const QString& english) {
  if (english == "central descent") return EngineText::tr("central descent");
  if (english == "gradient averaging") return EngineText::tr("gradient averaging");
  return EngineText::tr("model averaging");
}

QString convexityStart(const QString& english) {
  return english == "common" ? EngineText::tr("common start") : EngineText::tr("different starts");
}

QString trainingSource(const QString& english) {
  return english == "cluster" ? EngineText::tr("on the cluster") : EngineText::tr("in one process");
}

QString aggregationName(const QString& english) {
  if (english == "average") return EngineText::tr("averaging");
  if (english == "ensemble") return EngineText::tr("ensemble");
  if (english == "ensemble-compression") return EngineText::tr("ensemble compression");
  return english;
}

QString megabytes(const QString& bytes) { return QString::number(bytes.toDouble() / 1e6, 'f', 1); }

}  // namespace

std::optional<QString> EngineText::lessonLine(const QString& text) {
  static const std::vector<TextPattern> patterns = [] {
    std::vector<TextPattern> p;
    p.push_back(
        {line(R"(^wrote (\S+), (\S+) and (\S+)$)"), [](const Match& m) {
           return tr("Wrote %1, %2 and %3").arg(m.captured(1), m.captured(2), m.captured(3));
         }});
    p.push_back({line(R"(^wrote (\S+) and (\S+)$)"), [](const Match& m) {
                   return tr("Wrote %1 and %2").arg(m.captured(1), m.captured(2));
                 }});
    p.push_back({line(R"(^wrote (.+)$)"),
                 [](const Match& m) { return tr("Wrote %1").arg(m.captured(1)); }});
    // Lesson 1 (averaging on the lecture's linear regression).
    p.push_back(
        {line(R"(^one step from a = (\S+), b = (\S+) with lr (\S+):$)"), [](const Match& m) {
           return tr("One step from a = %1, b = %2 with learning rate %3:")
               .arg(m.captured(1), m.captured(2), m.captured(3));
         }});
    p.push_back(
        {line(R"(^  (central descent|gradient averaging|model averaging) +a = (\S+), b = (\S+)$)"),
         [](const Match& m) {
           return tr("  %1: a = %2, b = %3")
               .arg(averagingMethod(m.captured(1)), m.captured(2), m.captured(3));
         }});
    p.push_back({line(R"(^after (\d+) rounds of (\d+) local steps: gradient averaging a = (\S+), )"
                      R"(b = (\S+); model averaging a = (\S+), b = (\S+)$)"),
                 [](const Match& m) {
                   return tr("After %1 rounds of %2 local steps: gradient averaging a = %3, "
                             "b = %4; model averaging a = %5, b = %6")
                       .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4),
                            m.captured(5), m.captured(6));
                 }});
    // Lesson 5: the four aggregation methods, and the convexity table.
    p.push_back(
        {line(R"(^(S-DNN|MA-DNN|E-DNN|EC-DNN): (\d+) workers?, (\S+)$)"), [](const Match& m) {
           return tr("%1: %2 worker(s), aggregation %3")
               .arg(m.captured(1), m.captured(2), aggregationName(m.captured(3)));
         }});
    p.push_back({line(R"(^(S-DNN|MA-DNN|E-DNN|EC-DNN) +test accuracy (\S+), model (\d+) )"
                      R"(parameters, (\d+) bytes, (\S+) s$)"),
                 [](const Match& m) {
                   return tr("%1: test accuracy %2%, model of %3 parameters, %4 MB sent, %5 s")
                       .arg(m.captured(1), QString::number(m.captured(2).toDouble() * 100, 'f', 2),
                            m.captured(3), megabytes(m.captured(4)), m.captured(5));
                 }});
    p.push_back({line(R"(^start +round +f\(averaged\) +mean f\(members\) +f\(ensemble\)$)"),
                 [](const Match&) {
                   return tr(
                       "Start, round: loss of the averaged model, mean loss of the models, "
                       "loss of the ensemble");
                 }});
    p.push_back({line(R"(^(common|different) +(\d+) +(\S+) +(\S+) +(\S+)$)"), [](const Match& m) {
                   return tr("%1, round %2: %3, %4, %5")
                       .arg(convexityStart(m.captured(1)), m.captured(2), m.captured(3),
                            m.captured(4), m.captured(5));
                 }});
    // Lesson 7: the attack, then the privacy-utility table.
    p.push_back({line(R"(^iteration (\d+): gradient distance (\S+), mean PSNR (\S+) dB$)"),
                 [](const Match& m) {
                   return tr("Iteration %1: gradient distance %2, mean PSNR %3 dB")
                       .arg(m.captured(1), m.captured(2), m.captured(3));
                 }});
    p.push_back({line(R"(^(\S+) on (\d+) images? \((\S+) defense, strength (\S+)\): mean PSNR )"
                      R"((\S+) dB, labels right (\d+) of (\d+), after (\d+) iterations )"
                      R"(\((\d+) evaluations\)$)"),
                 [](const Match& m) {
                   return tr("%1 on %2 image(s) (defense %3, strength %4): mean PSNR %5 dB, "
                             "%6 of %7 labels right, after %8 iterations (%9 evaluations)")
                       .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4),
                            m.captured(5), m.captured(6), m.captured(7), m.captured(8),
                            m.captured(9));
                 }});
    p.push_back({line(R"(^privacy-utility: (\S+) at (\d+) strengths\.\.\.$)"), [](const Match& m) {
                   return tr("Privacy and utility: defense %1 at %2 strengths...")
                       .arg(m.captured(1), m.captured(2));
                 }});
    p.push_back({line(R"(^privacy-utility: training on a cluster of (\d+) with (\S+)$)"),
                 [](const Match& m) {
                   return tr("Privacy and utility: training a cluster of %1 workers with %2")
                       .arg(m.captured(1), m.captured(2));
                 }});
    p.push_back(
        {line(R"(^defense +strength +attack PSNR +attack SSIM +test accuracy$)"), [](const Match&) {
           return tr("Defense, strength: the attack's PSNR and SSIM, the test accuracy");
         }});
    p.push_back({line(R"(^(\S+) +(\S+) +(\S+) dB +(\S+) +(\S+)% \((\S+)\)$)"), [](const Match& m) {
                   return tr("%1 %2: attack PSNR %3 dB, SSIM %4, test accuracy %5% (%6)")
                       .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4),
                            m.captured(5), trainingSource(m.captured(6)));
                 }});
    return p;
  }();
  return sayByPattern(text, patterns);
}

}  // namespace distlab::app
