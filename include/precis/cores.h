// How many cores this process may use (for the default number of threads).
#pragma once

#include <cstddef>

namespace precis {

// The cores this process may run on: under taskset, a Slurm allocation or a container cpuset
// that is fewer than hardware_concurrency(), which counts the machine's. At least 1.
std::size_t available_cores();

}  // namespace precis
