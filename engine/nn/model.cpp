#include "nn/model.h"

#include <algorithm>

#include "core/error.h"
#include "nn/weight_gradient_stash.h"

namespace distlab::engine {

Model& Model::add(std::unique_ptr<Layer> layer) {
  if (m_finalized) throw Error("Model: layers cannot be added after finalize()");
  m_output = layer->configure(m_output);
  m_shapes.push_back(m_output);
  m_layers.push_back(std::move(layer));
  return *this;
}

void Model::finalize() {
  std::size_t total = 0;
  for (const auto& layer : m_layers) total += layer->parameterCount();
  m_params.assign(total, 0.0f);
  m_grads.assign(total, 0.0f);
  m_paramView = m_params;
  m_gradView = m_grads;
  bindLayers();
  m_activations.resize(m_layers.size());
  m_finalized = true;
}

Model Model::extractLayers(std::size_t begin, std::size_t end) {
  const Shape input = begin == 0 || begin > m_shapes.size() ? m_input : m_shapes[begin - 1];
  return extractLayers(begin, end, input, nullptr, nullptr);
}

Model Model::extractLayers(std::size_t begin, std::size_t end, Shape input,
                           std::unique_ptr<Layer> first, std::unique_ptr<Layer> last) {
  if (!m_finalized || begin >= end || end > m_layers.size()) {
    throw Error("Model: cannot extract layers " + std::to_string(begin) + " to " +
                std::to_string(end) + " of " + std::to_string(m_layers.size()));
  }
  const std::size_t moved = first ? begin + 1 : begin;  // the first layer moved as it is
  std::size_t offset = 0, count = 0;
  for (std::size_t i = 0; i < end; ++i) {
    (i < moved ? offset : count) += m_layers[i]->parameterCount();
  }
  Model part(input);
  const bool replaced = first != nullptr;
  if (first) part.add(std::move(first));
  for (std::size_t i = moved; i < end; ++i) part.add(std::move(m_layers[i]));
  if (last) part.add(std::move(last));
  part.finalize();
  // Counted once configured: a layer's parameter count depends on its input.
  const std::size_t skipped = replaced ? part.m_layers.front()->parameterCount() : 0;
  std::copy_n(m_paramView.begin() + static_cast<std::ptrdiff_t>(offset), count,
              part.m_paramView.begin() + static_cast<std::ptrdiff_t>(skipped));
  m_layers.clear();
  m_finalized = false;
  return part;
}

void Model::bindLayers() {
  std::size_t offset = 0;
  for (auto& layer : m_layers) {
    layer->bind(m_paramView.data() + offset, m_gradView.data() + offset);
    offset += layer->parameterCount();
  }
}

void Model::shareBuffers(std::span<float> params, std::span<float> grads) {
  if (params.size() != m_paramView.size() || grads.size() != m_gradView.size()) {
    throw Error("Model: shared buffers differ in size from the model");
  }
  m_paramView = params;
  m_gradView = grads;
  bindLayers();
  m_paramView = {};
  m_gradView = {};
  m_params.clear();
  m_params.shrink_to_fit();
  m_grads.clear();
  m_grads.shrink_to_fit();
}

void Model::moveBuffers(std::span<float> params, std::span<float> grads) {
  if (params.size() != m_paramView.size() || grads.size() != m_gradView.size()) {
    throw Error("Model: new buffers differ in size from the model");
  }
  std::copy(m_paramView.begin(), m_paramView.end(), params.begin());
  std::copy(m_gradView.begin(), m_gradView.end(), grads.begin());
  m_paramView = params;
  m_gradView = grads;
  bindLayers();
  m_params.clear();
  m_params.shrink_to_fit();
  m_grads.clear();
  m_grads.shrink_to_fit();
}

void Model::viewParameters(std::span<float> params) {
  if (params.size() != m_paramView.size()) {
    throw Error("Model: a parameter view differs in size from the model");
  }
  m_paramView = params;
  bindLayers();
  m_params.clear();
  m_params.shrink_to_fit();
}

std::size_t Model::activationBytes() const {
  std::size_t bytes = 0;
  for (const auto& a : m_activations) bytes += static_cast<std::size_t>(a.size()) * sizeof(float);
  return bytes;
}

void Model::initialize(const Initializer& init, Rng& rng) {
  for (auto& layer : m_layers) layer->initialize(init, rng);
}

void Model::zeroGradients() { std::fill(m_gradView.begin(), m_gradView.end(), 0.0f); }

const Matrix& Model::forward(const Matrix& x) {
  if (!m_finalized) throw Error("Model: forward() before finalize()");
  if (x.rows() != m_input.size()) {
    throw Error("Model: input has " + std::to_string(x.rows()) + " features, expected " +
                std::to_string(m_input.size()));
  }
  m_lastInput = &x;
  m_lastRInput = nullptr;  // a new point: the R pass must be redone before backwardR()
  const Matrix* in = &x;
  for (std::size_t i = 0; i < m_layers.size(); ++i) {
    m_layers[i]->forward(*in, m_activations[i]);
    in = &m_activations[i];
  }
  return *in;
}

void Model::backward(const Matrix& dOutput, Matrix* dInput, GradientMode mode) {
  backwardThrough(dOutput, dInput, mode, nullptr);
}

void Model::backward(const Matrix& dOutput, Matrix* dInput, WeightGradientStash& stash) {
  backwardThrough(dOutput, dInput, GradientMode::Accumulate, &stash);
  stash.endPass(static_cast<int>(dOutput.cols()));
}

void Model::backwardThrough(const Matrix& dOutput, Matrix* dInput, GradientMode mode,
                            WeightGradientStash* stash) {
  if (!m_lastInput) throw Error("Model: backward() before forward()");
  const Matrix* dy = &dOutput;
  for (std::size_t i = m_layers.size(); i-- > 0;) {
    const Matrix& x = i == 0 ? *m_lastInput : m_activations[i - 1];
    Matrix* dx = nullptr;
    if (i > 0)
      dx = (dy == &m_gradA) ? &m_gradB : &m_gradA;
    else if (dInput)
      dx = dInput;
    Layer& layer = *m_layers[i];
    if (stash && layer.splitsWeightGradient()) {
      stash->keep(i, x, *dy);
      if (dx) layer.backwardInput(x, m_activations[i], *dy, *dx);
    } else {
      layer.backward(x, m_activations[i], *dy, dx, mode);
    }
    dy = dx;
  }
}

const Matrix& Model::forwardR(const Matrix& rInput, std::span<const float> rParams) {
  if (!m_lastInput) throw Error("Model: forwardR() before forward()");
  if (rInput.rows() != m_lastInput->rows() || rInput.cols() != m_lastInput->cols() ||
      rParams.size() != m_paramView.size()) {
    throw Error("Model: forwardR() direction does not match the input or the parameters");
  }
  m_lastRInput = &rInput;
  m_rActivations.resize(m_layers.size());
  const Matrix* x = m_lastInput;
  const Matrix* rx = &rInput;
  std::size_t offset = 0;
  for (std::size_t i = 0; i < m_layers.size(); ++i) {
    m_layers[i]->forwardR(*x, *rx, m_activations[i], rParams.data() + offset, m_rActivations[i]);
    offset += m_layers[i]->parameterCount();
    x = &m_activations[i];
    rx = &m_rActivations[i];
  }
  return *rx;
}

void Model::backwardR(const Matrix& dOutput, const Matrix& rdOutput, std::span<const float> rParams,
                      std::span<float> rGrads, Matrix* rdInput) {
  if (!m_lastRInput || m_rActivations.size() != m_layers.size()) {
    throw Error("Model: backwardR() before forwardR()");
  }
  if (rGrads.size() != m_paramView.size() || rParams.size() != m_paramView.size()) {
    throw Error("Model: backwardR() buffers do not match the parameters");
  }
  // Each layer needs its incoming dy as well as R{dy}, so the first-order pass runs alongside.
  Matrix d[2], rd[2];
  const Matrix* dy = &dOutput;
  const Matrix* rdy = &rdOutput;
  std::size_t offset = m_paramView.size();
  for (std::size_t i = m_layers.size(); i-- > 0;) {
    offset -= m_layers[i]->parameterCount();
    const bool first = i == 0;
    const Matrix& x = first ? *m_lastInput : m_activations[i - 1];
    const Matrix& rx = first ? *m_lastRInput : m_rActivations[i - 1];
    Matrix* dx = first ? nullptr : &d[i % 2];
    Matrix* rdx = first ? rdInput : &rd[i % 2];
    m_layers[i]->backward(x, m_activations[i], *dy, dx, GradientMode::Overwrite);
    m_layers[i]->backwardR(SecondOrderPass{x, rx, m_activations[i], m_rActivations[i], *dy, *rdy,
                                           rParams.data() + offset, rGrads.data() + offset, rdx});
    dy = dx;
    rdy = rdx;
  }
}

std::string Model::summary() const {
  std::string text;
  for (std::size_t i = 0; i < m_layers.size(); ++i) {
    const auto& s = m_shapes[i];
    text += m_layers[i]->describe() + " -> " + std::to_string(s.channels) + "x" +
            std::to_string(s.height) + "x" + std::to_string(s.width) + ", " +
            std::to_string(m_layers[i]->parameterCount()) + " parameters\n";
  }
  text += "total " + std::to_string(parameterCount()) + " parameters";
  return text;
}

}  // namespace distlab::engine
