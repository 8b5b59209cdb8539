#include "app/view_export.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

namespace distlab::app {
namespace {
// The translation context of this file's messages.
struct ViewExport {
  Q_DECLARE_TR_FUNCTIONS(ViewExport)
};
}  // namespace

bool exportView(QWidget* view, const QString& path, int scale, QString* error) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  const QSize size = view->size();
  if (suffix == "png") {
    if (scale < 1 || scale > 4) {
      *error = ViewExport::tr("The scale %1 is not allowed; allowed: 1 to 4").arg(scale);
      return false;
    }
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    view->render(&painter);
    painter.end();
    if (!image.save(path, "PNG")) {
      *error = ViewExport::tr("Cannot write %1").arg(path);
      return false;
    }
    return true;
  }
  if (suffix == "svg") {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle("DistLab");
    QPainter painter;
    if (!painter.begin(&svg)) {
      *error = ViewExport::tr("Cannot write %1").arg(path);
      return false;
    }
    view->render(&painter);
    return painter.end();
  }
  if (suffix == "pdf") {
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(72);
    QPainter painter;
    if (!painter.begin(&pdf)) {
      *error = ViewExport::tr("Cannot write %1").arg(path);
      return false;
    }
    view->render(&painter);
    return painter.end();
  }
  *error = ViewExport::tr("\"%1\" is not a picture format DistLab writes; allowed: png, svg, pdf")
               .arg(suffix);
  return false;
}

}  // namespace distlab::app
