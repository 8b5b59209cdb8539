#include "nn/model.h"

#include <algorithm>

#include "core/error.h"

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
  std::size_t offset = 0;
  for (auto& layer : m_layers) {
    layer->bind(m_params.data() + offset, m_grads.data() + offset);
    offset += layer->parameterCount();
  }
  m_activations.resize(m_layers.size());
  m_finalized = true;
}

void Model::initialize(const Initializer& init, Rng& rng) {
  for (auto& layer : m_layers) layer->initialize(init, rng);
}

void Model::zeroGradients() { std::fill(m_grads.begin(), m_grads.end(), 0.0f); }

const Matrix& Model::forward(const Matrix& x) {
  if (!m_finalized) throw Error("Model: forward() before finalize()");
  if (x.rows() != m_input.size()) {
    throw Error("Model: input has " + std::to_string(x.rows()) + " features, expected " +
                std::to_string(m_input.size()));
  }
  m_lastInput = &x;
  const Matrix* in = &x;
  for (std::size_t i = 0; i < m_layers.size(); ++i) {
    m_layers[i]->forward(*in, m_activations[i]);
    in = &m_activations[i];
  }
  return *in;
}

void Model::backward(const Matrix& dOutput, Matrix* dInput, GradientMode mode) {
  if (!m_lastInput) throw Error("Model: backward() before forward()");
  const Matrix* dy = &dOutput;
  for (std::size_t i = m_layers.size(); i-- > 0;) {
    const Matrix& x = i == 0 ? *m_lastInput : m_activations[i - 1];
    Matrix* dx = nullptr;
    if (i > 0)
      dx = (dy == &m_gradA) ? &m_gradB : &m_gradA;
    else if (dInput)
      dx = dInput;
    m_layers[i]->backward(x, m_activations[i], *dy, dx, mode);
    dy = dx;
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
