#pragma once
#include <span>
#include <vector>

namespace distlab::engine {

// Lesson 1, the lecture's section 4 example: weight = b * height + a fitted by gradient descent on
// f = (1/n) sum_i (weight_i - (b * height_i + a))^2, with the people split over clients. Exact
// double arithmetic, so the lesson can show that gradient averaging and model averaging give the
// central result after one step, and where they part after several local steps.

/// The model: weight = b * height + a.
struct Line {
  double a = 0.0;
  double b = 0.0;
};

/// One client's people.
struct Points {
  std::vector<double> height, weight;
  std::size_t size() const { return height.size(); }
};

/// f over the points.
double lineLoss(const Line& line, const Points& points);
/// (df/da, df/db) = (1/n) sum -2 e_i (1, height_i), with e_i = weight_i - (b height_i + a).
Line lineGradient(const Line& line, const Points& points);
/// All clients' points in one set (the central learner's data).
Points joinPoints(std::span<const Points> clients);

/// The three one-step results of the lecture, from the same start.
struct OneStep {
  Line central;            ///< start - lr * grad f(all points)
  Line gradientAveraging;  ///< start - lr * sum_k w_k grad f_k: the server averages gradients
  Line modelAveraging;     ///< sum_k w_k (start - lr * grad f_k): the server averages models
  std::vector<Line> clientGradients;  ///< grad f_k of each client at the start
  std::vector<Line> clientModels;     ///< each client's model after its local step
  std::vector<double> weights;        ///< w_k: n_k / n when weighted, 1 / K otherwise
};
OneStep averagingOneStep(std::span<const Points> clients, const Line& start, double lr,
                         bool weighted);

struct AveragingOptions {
  Line start{0.0, 2.0};  ///< the lecture's a = 0, b = 2
  double lr = 0.1;
  int rounds = 20;
  int localSteps = 1;  ///< tau: steps between communications
  bool weighted = true;
};

/// Many rounds of each method; index r holds the model after round r (index 0: the start).
struct AveragingRun {
  std::vector<Line> central;            ///< tau GD steps on all points per round
  std::vector<Line> gradientAveraging;  ///< tau steps per round, each on the averaged gradient
  std::vector<Line> modelAveraging;     ///< tau local steps per client, then the (weighted) mean
  /// clientPaths[k]: client k's model after every local step of model averaging (tau per round,
  /// starting each round from the averaged model), with the start first.
  std::vector<std::vector<Line>> clientPaths;
  /// The convexity argument per round of model averaging, on all points: f(averaged model) and
  /// sum_k w_k f(client k's model before averaging); the first is never larger (f is convex).
  std::vector<double> averagedModelLoss, meanClientLoss;
};
AveragingRun runAveraging(std::span<const Points> clients, const AveragingOptions& options);

/// Splits points into clients of the given sizes, in order (the lecture's first 50 and last 50);
/// throws Error if the sizes do not add up to the number of points or one is zero.
std::vector<Points> splitPoints(const Points& all, std::span<const std::size_t> sizes);

}  // namespace distlab::engine
