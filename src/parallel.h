// A tiny fork-join helper for work inside one summarize() call (private to the library).
#pragma once

#include <cstddef>
#include <functional>

#include "precis/cores.h"

namespace precis {

// Calls work(item, worker) for every item in [0, count) on `workers` threads, the calling one
// included (worker 0), handing the items out in increasing order as threads free up; worker w
// only ever runs on one thread, so per-worker state needs no lock. With one worker (or one item)
// everything runs on the calling thread, in order.
//
// When items throw, the remaining ones are not started, and once every thread has stopped the
// exception of the smallest failed item is rethrown: every item before it was started (items go
// out in order) and finished, so that is the exception a sequential run throws, whatever the
// number of workers.
void parallel_for(std::size_t count, std::size_t workers,
                  const std::function<void(std::size_t item, std::size_t worker)>& work);

}  // namespace precis
