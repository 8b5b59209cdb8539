#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/spec.h"

namespace distlab::engine {

// Every problem a spec can have, by a stable code and one English sentence with %1, %2, ...
// for its values (field values, numbers, identifiers: never words). The engine writes the
// sentence with the values filled in; the window looks the same sentence up in its language
// (context "SpecProblems", collected for translation at build time from `spec --problems`) and
// fills in the same values, so a problem reads the same in English and in Chinese.

struct SpecProblem {
  std::string_view code;
  std::string_view text;  ///< English, with %1 ... %n
};

/// Every problem, in a fixed order.
std::span<const SpecProblem> specProblems();
/// The sentence of a code ("" when there is none).
std::string_view specProblemText(std::string_view code);
/// A problem of the field at `path`: the sentence of `code` with %1 ... %n replaced by `args`.
/// An unknown code is a programming error (throws std::logic_error).
SpecError specProblem(std::string path, std::string_view code, std::vector<std::string> args = {});
/// A number as a message shows it: the shortest usual form (0.1, 1e+30, 100).
std::string formatSpecNumber(double v);
/// `text` with %1 ... %n replaced by args (a placeholder without an argument stays).
std::string fillPlaceholders(std::string_view text, const std::vector<std::string>& args);

/// A run that fails for a reason of its spec found only while running (e.g. a captured push that
/// holds more examples than the attack rebuilds): the run reports the problem, not only a
/// sentence.
class SpecProblemError : public Error {
 public:
  explicit SpecProblemError(SpecError problem)
      : Error(problem.text()), m_problem(std::move(problem)) {}
  const SpecError& problem() const { return m_problem; }

 private:
  SpecError m_problem;
};

}  // namespace distlab::engine
