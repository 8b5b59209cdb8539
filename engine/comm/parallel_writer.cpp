#include "comm/parallel_writer.h"

#include <cassert>
#include <cerrno>
#include <sys/socket.h>
#include <sys/uio.h>

namespace distlab::engine {

ParallelWriter::ParallelWriter(int helpers) {
  for (int i = 0; i < helpers; ++i) m_helpers.emplace_back([this] { helperLoop(); });
}

ParallelWriter::~ParallelWriter() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  for (auto& t : m_helpers) t.join();
}

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
  if (jobs.size() <= 1 || m_helpers.empty()) {
    for (std::size_t i = 0; i < jobs.size(); ++i) outcomes[i] = writeOne(jobs[i]);
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_jobs = jobs;
    m_outcomes = outcomes;
    m_next = 0;
    m_finished = 0;
    ++m_generation;
  }
  m_wake.notify_all();
  takeJobs();
  std::unique_lock lock(m_mutex);
  m_done.wait(lock, [&] { return m_finished == m_jobs.size(); });
  m_jobs = {};
  m_outcomes = {};
}

void ParallelWriter::takeJobs() {
  for (;;) {
    std::size_t i;
    {
      std::lock_guard lock(m_mutex);
      if (m_next >= m_jobs.size()) return;
      i = m_next++;
    }
    const Outcome out = writeOne(m_jobs[i]);
    std::lock_guard lock(m_mutex);
    m_outcomes[i] = out;
    if (++m_finished == m_jobs.size()) m_done.notify_all();
  }
}

void ParallelWriter::helperLoop() {
  std::uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
      if (m_stop) return;
      seen = m_generation;
    }
    takeJobs();
  }
}

}  // namespace distlab::engine
