// An ordered work pool: tasks go in numbered by one producer, worker threads run them in any
// order, one consumer takes the results back in submission order. Header-only and free of JSON
// and CLI11 so that the unit tests can exercise it without the command-line code.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

namespace precis::cli {

template <typename Task, typename Result>
class OrderedPool {
 public:
  using Work = std::function<Result(Task&)>;

  // `window` bounds the tasks submitted but not yet taken back by next(): queued, running and
  // finished-but-waiting-for-an-earlier-one together. That bound is what keeps the memory of a
  // batch proportional to the clusters in flight rather than to the batch.
  OrderedPool(std::size_t workers, std::size_t window, Work work)
      : window_(window == 0 ? 1 : window), work_(std::move(work)) {
    if (workers == 0) workers = 1;
    threads_.reserve(workers);
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { run_worker(); });
  }

  ~OrderedPool() {
    cancel();
    for (auto& t : threads_) t.join();
  }

  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Producer side. Blocks while the window is full. Returns false (and drops the task) once the
  // pool is cancelled, so that the producer knows to stop reading.
  bool submit(Task task) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return cancelled_ || submitted_ - delivered_ < window_; });
    if (cancelled_ || closed_) return false;
    queue_.emplace_back(submitted_++, std::move(task));
    work_ready_.notify_one();
    return true;
  }

  // Producer side: no more tasks. next() returns nullopt after the last result.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    work_ready_.notify_all();
    result_ready_.notify_all();
  }

  // Stops dispatching: queued tasks that no worker has started are dropped, running ones finish.
  // next() still returns the results that come before the first dropped task, so that every
  // completed result that can be delivered in order is.
  void cancel() {
    std::lock_guard lock(mutex_);
    if (cancelled_) return;
    cancelled_ = true;
    queue_.clear();
    work_ready_.notify_all();
    result_ready_.notify_all();
    space_.notify_all();
  }

  // Consumer side: the result of the next task in submission order, or nullopt at the end (closed
  // and all delivered, or cancelled and the next task was dropped). Rethrows what `work` threw.
  std::optional<Result> next() {
    std::unique_lock lock(mutex_);
    const std::size_t seq = delivered_;
    result_ready_.wait(lock, [&] {
      if (results_.count(seq)) return true;
      if (running_.count(seq)) return false;
      if (cancelled_) return true;  // dropped or never submitted
      return closed_ && seq == submitted_;
    });
    auto it = results_.find(seq);
    if (it == results_.end()) return std::nullopt;
    auto outcome = std::move(it->second);
    results_.erase(it);
    ++delivered_;
    space_.notify_one();
    lock.unlock();
    if (auto* error = std::get_if<std::exception_ptr>(&outcome)) std::rethrow_exception(*error);
    return std::move(std::get<Result>(outcome));
  }

  // Tasks submitted so far (the sequence number of the next one).
  std::size_t submitted() const {
    std::lock_guard lock(mutex_);
    return submitted_;
  }

 private:
  using Outcome = std::variant<Result, std::exception_ptr>;

  void run_worker() {
    for (;;) {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return !queue_.empty() || cancelled_ || closed_; });
      if (queue_.empty()) return;
      auto [seq, task] = std::move(queue_.front());
      queue_.pop_front();
      running_.insert(seq);
      lock.unlock();

      std::optional<Outcome> outcome;
      try {
        outcome.emplace(std::in_place_index<0>, work_(task));
      } catch (...) {
        outcome.emplace(std::in_place_index<1>, std::current_exception());
      }

      lock.lock();
      running_.erase(seq);
      results_.emplace(seq, std::move(*outcome));
      result_ready_.notify_all();
    }
  }

  const std::size_t window_;
  const Work work_;
  mutable std::mutex mutex_;
  std::condition_variable work_ready_, result_ready_, space_;
  std::deque<std::pair<std::size_t, Task>> queue_;
  std::set<std::size_t> running_;
  std::map<std::size_t, Outcome> results_;
  std::size_t submitted_ = 0, delivered_ = 0;
  bool closed_ = false, cancelled_ = false;
  std::vector<std::thread> threads_;  // last: started after every member above exists
};

}  // namespace precis::cli
