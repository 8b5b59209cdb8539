#include <cstdio>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "telemetry/chrome_trace.h"
#include "telemetry/json_lines.h"

namespace distlab::engine {

int traceCommand(const std::string& runDir, const std::string& outPath) {
  const std::string text = readBinaryFile(runDir + "/events.jsonl", "event log");
  std::vector<Event> events;
  std::string error;
  // A run cut short (or still running) leaves a partial last line: the trace holds what
  // precedes the first unreadable line, and says so.
  if (!decodeJsonLines(text, events, &error)) {
    std::fprintf(stderr, "%s/events.jsonl: %s; the trace holds the %zu records before it\n",
                 runDir.c_str(), error.c_str(), events.size());
  }
  const std::string out = outPath.empty() ? runDir + "/trace.json" : outPath;
  const std::string json = chromeTraceJson(events);
  writeFileAtomically(out, {reinterpret_cast<const std::uint8_t*>(json.data()), json.size()});
  std::printf("%s: %zu records as a Chrome trace (open it in ui.perfetto.dev or chrome://tracing)\n",
              out.c_str(), events.size());
  return 0;
}

}  // namespace distlab::engine
