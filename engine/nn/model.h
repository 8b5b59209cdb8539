#pragma once
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "nn/layer.h"

namespace distlab::engine {

class WeightGradientStash;

/// A sequential network whose parameters (and gradients) are one contiguous float buffer each;
/// layers hold views into them (see Layer). Movable, not copyable: copy parameters() instead.
class Model {
 public:
  explicit Model(Shape input) : m_input(input), m_output(input) {}
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;

  /// Appends a layer; call finalize() after the last one.
  Model& add(std::unique_ptr<Layer> layer);
  /// Allocates the flat buffers and binds every layer to its slice.
  void finalize();
  void initialize(const Initializer& init, Rng& rng);

  std::span<float> parameters() { return m_paramView; }
  std::span<const float> parameters() const { return m_paramView; }
  std::span<float> gradients() { return m_gradView; }
  std::span<const float> gradients() const { return m_gradView; }
  std::size_t parameterCount() const { return m_paramView.size(); }
  void zeroGradients();

  /// Runs every layer, keeping their outputs for backward(); returns the last one. x is not
  /// copied: it must stay alive and unchanged until the backward() that follows.
  const Matrix& forward(const Matrix& x);
  /// Back-propagates dL/doutput through the last forward() into gradients() (replacing them, or
  /// adding to them with GradientMode::Accumulate). When dInput is given it receives dL/dinput
  /// (the first layer's input gradient is skipped otherwise).
  void backward(const Matrix& dOutput, Matrix* dInput = nullptr,
                GradientMode mode = GradientMode::Overwrite);
  /// backward() that adds to gradients() (GradientMode::Accumulate) except for the layers that
  /// split their backward pass (Layer::splitsWeightGradient): those compute only their input
  /// errors here and keep their input and errors in `stash`, whose flush() adds their weight
  /// gradients later.
  void backward(const Matrix& dOutput, Matrix* dInput, WeightGradientStash& stash);

  /// Second order (Pearlmutter's R-operator), after forward(x): the directional derivative of
  /// every layer's output when x moves along rInput and the parameters along rParams; returns
  /// that of the output. rInput must stay alive until backwardR().
  const Matrix& forwardR(const Matrix& rInput, std::span<const float> rParams);
  /// Second order, after forwardR(): back-propagates dOutput (writing gradients(), as backward()
  /// does) and its directional derivative rdOutput, writing R{dL/dparams} into rGrads and, when
  /// given, R{dL/dinput} into rdInput. See nn/second_order.h for Hessian-vector products.
  void backwardR(const Matrix& dOutput, const Matrix& rdOutput, std::span<const float> rParams,
                 std::span<float> rGrads, Matrix* rdInput = nullptr);

  /// Moves layers [begin, end) into a new model whose input is the output of layer begin-1 (or
  /// this model's input), their parameters copied: one stage of a pipeline. This model is left
  /// without those layers and must not be used afterwards.
  Model extractLayers(std::size_t begin, std::size_t end);
  /// extractLayers() whose new model takes `input` and, when given, has `first` in place of
  /// layer begin and `last` after layer end-1: a pipeline stage whose boundaries cut a layer
  /// (modelpar/stage_model.h). The parameters of `first` and `last` are left zero.
  Model extractLayers(std::size_t begin, std::size_t end, Shape input,
                      std::unique_ptr<Layer> first, std::unique_ptr<Layer> last);
  /// Points every layer at `params` and `grads` (this model's sizes) instead of its own buffers,
  /// which are freed (parameters() is then empty): replicas of one pipeline stage each keep their
  /// own activations (a micro-batch in flight) but share one set of parameters and accumulate
  /// into one gradient.
  void shareBuffers(std::span<float> params, std::span<float> grads);
  /// Moves the parameters and gradients into `params` and `grads` (this model's sizes, kept
  /// alive by the caller for the model's life): the values are copied there, every layer points
  /// there, and parameters()/gradients() are those spans. A cluster worker's model lives in the
  /// memory it shares with the coordinator, so PUSH and PARAMS need no copy on its side.
  void moveBuffers(std::span<float> params, std::span<float> grads);
  /// Points every layer at `params` (this model's size, kept alive by the caller) without
  /// copying anything: memory that holds the parameters before the next forward(), and that
  /// this model never writes — a cluster worker's view of the coordinator's parameter region.
  void viewParameters(std::span<float> params);
  /// Bytes of the layer outputs the last forward() keeps for backward().
  std::size_t activationBytes() const;
  /// Output shape of each layer.
  const std::vector<Shape>& layerShapes() const { return m_shapes; }

  Shape inputShape() const { return m_input; }
  Shape outputShape() const { return m_output; }
  const std::vector<std::unique_ptr<Layer>>& layers() const { return m_layers; }
  /// One line per layer with its output shape and parameter count.
  std::string summary() const;

 private:
  void bindLayers();  ///< points every layer at its slice of m_paramView / m_gradView
  void backwardThrough(const Matrix& dOutput, Matrix* dInput, GradientMode mode,
                       WeightGradientStash* stash);

  Shape m_input, m_output;
  std::vector<std::unique_ptr<Layer>> m_layers;
  std::vector<Shape> m_shapes;  ///< output shape of each layer
  std::vector<float, Eigen::aligned_allocator<float>> m_params, m_grads;
  std::span<float> m_paramView, m_gradView;  ///< m_params/m_grads, or moveBuffers()' memory
  const Matrix* m_lastInput = nullptr;
  std::vector<Matrix> m_activations;  ///< output of each layer in the last forward()
  const Matrix* m_lastRInput = nullptr;
  std::vector<Matrix> m_rActivations;  ///< R{output} of each layer in the last forwardR()
  Matrix m_gradA, m_gradB;             ///< ping-pong buffers for backward
  bool m_finalized = false;
};

}  // namespace distlab::engine
