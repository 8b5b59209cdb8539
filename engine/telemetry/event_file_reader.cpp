#include "telemetry/event_file_reader.h"

#include <algorithm>

#include "core/error.h"
#include "telemetry/json_lines.h"

namespace distlab::engine {
namespace {
constexpr std::size_t kBlockBytes = 8 << 20;
}  // namespace

EventFileReader::EventFileReader(const std::string& path) : m_in(path, std::ios::binary) {
  if (!m_in) throw Error("cannot open events file " + path);
}

bool EventFileReader::next(std::vector<Event>& out) {
  out.clear();
  if (m_done) return false;
  const std::size_t kept = m_buffer.size();
  m_buffer.resize(kept + kBlockBytes);
  m_in.read(m_buffer.data() + kept, static_cast<std::streamsize>(kBlockBytes));
  m_buffer.resize(kept + static_cast<std::size_t>(m_in.gcount()));
  const bool atEnd = !m_in;
  std::size_t whole = m_buffer.rfind('\n');
  whole = whole == std::string::npos ? 0 : whole + 1;  // the complete lines
  if (atEnd) {
    m_done = true;
    m_cutShort = m_buffer.find_first_not_of(" \t\r\n", whole) != std::string::npos;
  }
  const std::string_view lines(m_buffer.data(), whole);
  const auto count = static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
  out.reserve(count);  // kept from block to block: allocated (and its pages touched) once
  if (!decodeJsonLines(lines, out, &m_error, m_line)) {
    m_done = true;
    return false;
  }
  m_line += count;
  m_buffer.erase(0, whole);
  return true;
}

}  // namespace distlab::engine
