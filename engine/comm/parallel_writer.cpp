#include "comm/parallel_writer.h"

#include <cassert>
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>

namespace distlab::engine {

ParallelWriter::Outcome ParallelWriter::writeOne(const Job& job) {
  iovec iov[2];
  int count = 0;
  for (const Piece& p : job.pieces) {
    if (p.size > 0) iov[count++] = {const_cast<void*>(p.data), p.size};
  }
  Outcome out;
  iovec* first = iov;
  while (count > 0) {
    msghdr message{};
    message.msg_iov = first;
    message.msg_iovlen = static_cast<std::size_t>(count);
    const ssize_t n = ::sendmsg(job.fd, &message, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) out.error = errno;
      return out;  // a full buffer: the caller queues the rest
    }
    out.written += static_cast<std::size_t>(n);
    auto left = static_cast<std::size_t>(n);
    while (count > 0 && left >= first->iov_len) {
      left -= first->iov_len;
      ++first;
      --count;
    }
    if (count > 0) {
      first->iov_base = static_cast<char*>(first->iov_base) + left;
      first->iov_len -= left;
    }
  }
  return out;
}

void ParallelWriter::write(std::span<const Job> jobs, std::span<Outcome> outcomes) {
  assert(outcomes.size() >= jobs.size());
  m_crew.run(jobs.size(), [&](std::size_t i) { outcomes[i] = writeOne(jobs[i]); });
}

}  // namespace distlab::engine
