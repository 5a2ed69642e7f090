// The ordered work pool behind `precis batch`: results in submission order whatever the finishing
// order, a bounded window, cancellation, errors carried to the consumer.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "cli/batch_pool.h"

using precis::cli::OrderedPool;

namespace {

// Later tasks finish first: task i sleeps longer the smaller i is within each group of 8.
int slow_square(int& x) {
  std::this_thread::sleep_for(std::chrono::milliseconds((8 - x % 8) * 2));
  return x * x;
}

}  // namespace

TEST_CASE("batch: OrderedPool returns results in submission order", "[batch]") {
  for (std::size_t workers : {1, 2, 4, 8}) {
    OrderedPool<int, int> pool(workers, 16, slow_square);
    std::thread producer([&] {
      for (int i = 0; i < 100; ++i) REQUIRE(pool.submit(i));
      pool.close();
    });
    std::vector<int> got;
    while (auto r = pool.next()) got.push_back(*r);
    producer.join();
    REQUIRE(got.size() == 100);
    for (int i = 0; i < 100; ++i) CHECK(got[i] == i * i);
  }
}

TEST_CASE("batch: OrderedPool never holds more than its window", "[batch]") {
  constexpr std::size_t kWindow = 6;
  std::atomic<int> started{0};
  OrderedPool<int, int> pool(4, kWindow, [&](int& x) {
    ++started;
    return x;
  });
  // Nothing is taken back yet: the producer must block after kWindow tasks.
  std::atomic<int> submitted{0};
  std::thread producer([&] {
    for (int i = 0; i < 20; ++i) {
      if (!pool.submit(i)) break;
      ++submitted;
    }
    pool.close();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(submitted.load() == static_cast<int>(kWindow));
  CHECK(started.load() == static_cast<int>(kWindow));
  // Each result taken back lets exactly one more task in.
  for (int i = 0; i < 20; ++i) {
    auto r = pool.next();
    REQUIRE(r);
    CHECK(*r == i);
    CHECK(submitted.load() <= i + 1 + static_cast<int>(kWindow));
  }
  CHECK_FALSE(pool.next());
  producer.join();
}

TEST_CASE("batch: OrderedPool cancel drops queued tasks and keeps the in-order prefix", "[batch]") {
  std::atomic<bool> release{false};
  OrderedPool<int, int> pool(2, 100, [&](int& x) {
    if (x >= 2)
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return x;
  });
  for (int i = 0; i < 10; ++i) REQUIRE(pool.submit(i));
  REQUIRE(*pool.next() == 0);
  REQUIRE(*pool.next() == 1);
  // Tasks 2 and 3 are running (two workers), 4..9 queued.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  pool.cancel();
  CHECK_FALSE(pool.submit(42));
  release = true;
  // The running tasks finish and are delivered; the dropped ones end the sequence.
  auto a = pool.next();
  auto b = pool.next();
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == 2);
  CHECK(*b == 3);
  CHECK_FALSE(pool.next());
}

TEST_CASE("batch: OrderedPool carries an exception to the consumer in its place", "[batch]") {
  OrderedPool<int, int> pool(3, 8, [](int& x) {
    if (x == 5) throw std::runtime_error("five");
    return x;
  });
  std::thread producer([&] {
    for (int i = 0; i < 10; ++i) pool.submit(i);
    pool.close();
  });
  for (int i = 0; i < 5; ++i) CHECK(*pool.next() == i);
  CHECK_THROWS_WITH(pool.next(), "five");
  for (int i = 6; i < 10; ++i) CHECK(*pool.next() == i);
  CHECK_FALSE(pool.next());
  producer.join();
}

TEST_CASE("batch: OrderedPool with no task ends at once", "[batch]") {
  OrderedPool<int, int> pool(2, 4, [](int& x) { return x; });
  pool.close();
  CHECK_FALSE(pool.next());
}
