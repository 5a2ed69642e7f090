// One JSONL line of `precis batch`: parse_cluster either throws ClusterError (which becomes an
// error record) or yields a cluster; inline documents are then decoded and the overrides applied.
// Clusters that name paths are not read: the fuzzer must not walk the file system.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/batch_input.h"
#include "fuzz_common.h"

using namespace precis;
using namespace precis::cli;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  BatchItem item;
  item.line = 1;
  item.json.assign(reinterpret_cast<const char*>(data), size);
  Cluster cluster;
  try {
    cluster = parse_cluster(item);
  } catch (const ClusterError& e) {
    PRECIS_FUZZ_CHECK(e.what()[0] != '\0');  // an error record always says why
    return 0;
  }
  PRECIS_FUZZ_CHECK(cluster.id.has_value() && !cluster.id->empty());
  try {
    apply_overrides(SummarizeOptions{}, cluster);
  } catch (const ClusterError& e) {
    PRECIS_FUZZ_CHECK(e.id() == cluster.id);
  }
  if (!cluster.paths.empty()) return 0;
  try {
    read_documents(cluster);
  } catch (const ClusterError& e) {
    PRECIS_FUZZ_CHECK(e.id() == cluster.id);
    return 0;
  }
  PRECIS_FUZZ_CHECK(!cluster.documents.empty());
  for (const Document& doc : cluster.documents) PRECIS_FUZZ_CHECK(fuzz::valid_utf8(doc.text));
  return 0;
}
