#include "app/log_tail.h"

#include <QFile>
#include <QTimer>

#include "telemetry/json_lines.h"

namespace distlab::app {
namespace {
constexpr int kPollMs = 200;
constexpr qint64 kReadAtOnce = 8 << 20;  // a long history is handed on in blocks
}  // namespace

LogTail::LogTail(QObject* parent) : QObject(parent), m_timer(new QTimer(this)) {
  m_timer->setInterval(kPollMs);
  connect(m_timer, &QTimer::timeout, this, &LogTail::readMore);
}

bool LogTail::start(const QString& path, QString* error) {
  stop();
  m_file = new QFile(path, this);
  if (!m_file->open(QIODevice::ReadOnly)) {
    *error = m_file->errorString();
    stop();
    return false;
  }
  m_partial.clear();
  m_line = 0;
  m_timer->start();
  QTimer::singleShot(0, this, &LogTail::readMore);
  return true;
}

void LogTail::stop() {
  m_timer->stop();
  if (m_file) m_file->deleteLater();
  m_file = nullptr;
}

bool LogTail::isActive() const { return m_file != nullptr; }

void LogTail::readMore() {
  while (m_file) {
    const QByteArray more = m_file->read(kReadAtOnce);
    if (more.isEmpty()) return;
    m_partial += more;
    const qsizetype end = m_partial.lastIndexOf('\n');
    if (end < 0) continue;
    std::vector<engine::Event> batch;
    bool finished = false;
    QString problem;
    qsizetype begin = 0;
    while (begin <= end) {
      const qsizetype newline = m_partial.indexOf('\n', begin);
      const std::string_view line(m_partial.constData() + begin,
                                  static_cast<std::size_t>(newline - begin));
      begin = newline + 1;
      ++m_line;
      if (line.empty()) continue;
      engine::Event event;
      std::string why;
      if (!engine::fromJsonLine(line, event, &why)) {
        problem = tr("line %1 of the log: %2").arg(m_line).arg(QString::fromStdString(why));
        break;
      }
      finished |= std::holds_alternative<engine::RunEnded>(event);
      batch.push_back(std::move(event));
    }
    m_partial.remove(0, end + 1);
    if (!batch.empty()) emit events(batch);
    if (finished || !problem.isEmpty()) {
      stop();
      emit ended(problem);
      return;
    }
  }
}

}  // namespace distlab::app
