#include "lessons/averaging/averaging_lesson.h"

#include <string>

#include "core/error.h"

namespace distlab::engine {
namespace {

Line step(const Line& line, const Line& gradient, double lr) {
  return {line.a - lr * gradient.a, line.b - lr * gradient.b};
}

std::vector<double> clientWeights(std::span<const Points> clients, bool weighted) {
  if (clients.empty()) throw Error("averaging: no clients");
  std::size_t total = 0;
  for (const Points& c : clients) {
    if (c.size() == 0) throw Error("averaging: a client has no points");
    total += c.size();
  }
  std::vector<double> w;
  for (const Points& c : clients) {
    w.push_back(weighted ? static_cast<double>(c.size()) / static_cast<double>(total)
                         : 1.0 / static_cast<double>(clients.size()));
  }
  return w;
}

Line weightedSum(std::span<const Line> lines, std::span<const double> weights) {
  Line sum;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    sum.a += weights[k] * lines[k].a;
    sum.b += weights[k] * lines[k].b;
  }
  return sum;
}

}  // namespace

double lineLoss(const Line& line, const Points& points) {
  double sum = 0.0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double e = points.weight[i] - (line.b * points.height[i] + line.a);
    sum += e * e;
  }
  return sum / static_cast<double>(points.size());
}

Line lineGradient(const Line& line, const Points& points) {
  Line g;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double e = points.weight[i] - (line.b * points.height[i] + line.a);
    g.a += -2.0 * e;
    g.b += -2.0 * e * points.height[i];
  }
  const double n = static_cast<double>(points.size());
  return {g.a / n, g.b / n};
}

Points joinPoints(std::span<const Points> clients) {
  Points all;
  for (const Points& c : clients) {
    all.height.insert(all.height.end(), c.height.begin(), c.height.end());
    all.weight.insert(all.weight.end(), c.weight.begin(), c.weight.end());
  }
  return all;
}

OneStep averagingOneStep(std::span<const Points> clients, const Line& start, double lr,
                         bool weighted) {
  OneStep r;
  r.weights = clientWeights(clients, weighted);
  r.central = step(start, lineGradient(start, joinPoints(clients)), lr);
  for (const Points& c : clients) {
    r.clientGradients.push_back(lineGradient(start, c));
    r.clientModels.push_back(step(start, r.clientGradients.back(), lr));
  }
  r.gradientAveraging = step(start, weightedSum(r.clientGradients, r.weights), lr);
  r.modelAveraging = weightedSum(r.clientModels, r.weights);
  return r;
}

AveragingRun runAveraging(std::span<const Points> clients, const AveragingOptions& o) {
  if (o.rounds < 0 || o.localSteps < 1) {
    throw Error("averaging: rounds must be >= 0 and local steps >= 1");
  }
  const std::vector<double> w = clientWeights(clients, o.weighted);
  const Points all = joinPoints(clients);
  AveragingRun run;
  run.central = {o.start};
  run.gradientAveraging = {o.start};
  run.modelAveraging = {o.start};
  run.clientPaths.assign(clients.size(), {o.start});
  for (int r = 0; r < o.rounds; ++r) {
    Line central = run.central.back(), averaged = run.gradientAveraging.back();
    for (int s = 0; s < o.localSteps; ++s) {
      central = step(central, lineGradient(central, all), o.lr);
      std::vector<Line> gradients;
      for (const Points& c : clients) gradients.push_back(lineGradient(averaged, c));
      averaged = step(averaged, weightedSum(gradients, w), o.lr);
    }
    run.central.push_back(central);
    run.gradientAveraging.push_back(averaged);

    std::vector<Line> local(clients.size(), run.modelAveraging.back());
    for (std::size_t k = 0; k < clients.size(); ++k) {
      for (int s = 0; s < o.localSteps; ++s) {
        local[k] = step(local[k], lineGradient(local[k], clients[k]), o.lr);
        run.clientPaths[k].push_back(local[k]);
      }
    }
    const Line mean = weightedSum(local, w);
    run.modelAveraging.push_back(mean);
    double meanLoss = 0.0;
    for (std::size_t k = 0; k < clients.size(); ++k) meanLoss += w[k] * lineLoss(local[k], all);
    run.averagedModelLoss.push_back(lineLoss(mean, all));
    run.meanClientLoss.push_back(meanLoss);
  }
  return run;
}

std::vector<Points> splitPoints(const Points& all, std::span<const std::size_t> sizes) {
  std::size_t total = 0;
  for (const std::size_t s : sizes) {
    if (s == 0) throw Error("averaging: a client would get no points");
    total += s;
  }
  if (total != all.size()) {
    throw Error("averaging: the clients' sizes add up to " + std::to_string(total) + ", not to " +
                std::to_string(all.size()) + " points");
  }
  std::vector<Points> clients;
  std::size_t at = 0;
  for (const std::size_t s : sizes) {
    Points p;
    p.height.assign(all.height.begin() + static_cast<std::ptrdiff_t>(at),
                    all.height.begin() + static_cast<std::ptrdiff_t>(at + s));
    p.weight.assign(all.weight.begin() + static_cast<std::ptrdiff_t>(at),
                    all.weight.begin() + static_cast<std::ptrdiff_t>(at + s));
    clients.push_back(std::move(p));
    at += s;
  }
  return clients;
}

}  // namespace distlab::engine
