#pragma once
#include <QString>

namespace distlab::widgets {

/// A class of a data set as the views show it: "0 T-shirt/top" for Fashion-MNIST and CIFAR-10
/// (the name in the window's language), just the number for the others.
QString className(const QString& dataset, int label);

}  // namespace distlab::widgets
