#include "widgets/class_names.h"

#include <QCoreApplication>

namespace distlab::widgets {

QString className(const QString& dataset, int label) {
  // The data sets' own class orders (Fashion-MNIST's and CIFAR-10's label files).
  static const char* const kFashion[] = {QT_TRANSLATE_NOOP("ClassNames", "T-shirt/top"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Trouser"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Pullover"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Dress"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Coat"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Sandal"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Shirt"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Sneaker"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Bag"),
                                         QT_TRANSLATE_NOOP("ClassNames", "Ankle boot")};
  static const char* const kCifar[] = {
      QT_TRANSLATE_NOOP("ClassNames", "airplane"), QT_TRANSLATE_NOOP("ClassNames", "automobile"),
      QT_TRANSLATE_NOOP("ClassNames", "bird"),     QT_TRANSLATE_NOOP("ClassNames", "cat"),
      QT_TRANSLATE_NOOP("ClassNames", "deer"),     QT_TRANSLATE_NOOP("ClassNames", "dog"),
      QT_TRANSLATE_NOOP("ClassNames", "frog"),     QT_TRANSLATE_NOOP("ClassNames", "horse"),
      QT_TRANSLATE_NOOP("ClassNames", "ship"),     QT_TRANSLATE_NOOP("ClassNames", "truck")};
  const char* const* names = dataset == "fashion-mnist" ? kFashion
                             : dataset == "cifar10"     ? kCifar
                                                        : nullptr;
  if (!names || label < 0 || label >= 10) return QString::number(label);
  return QString("%1 %2").arg(label).arg(QCoreApplication::translate("ClassNames", names[label]));
}

}  // namespace distlab::widgets
