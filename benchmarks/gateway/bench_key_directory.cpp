// "API key lookup (cache hit)" (issue 7): what authenticating one request with an API key
// costs the gateway once the key directory has loaded — SHA-256 of the presented key, one
// hash-map probe under a shared lock, a constant-time compare and a copy of the record. No
// database on this path; the store's own lookup by hash is in bench_store. Also the miss
// (a well-formed key nobody issued), which costs the same hash and probe.
#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/auth/key_directory.hpp>
#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/open_store.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace gatehouse;

constexpr int kKeys = 2000;

// One SQLite file with kKeys keys of one owner, and a started directory over it; built once
// for every case and removed at exit.
class LoadedDirectory {
public:
  LoadedDirectory() {
    dir_ = std::filesystem::temp_directory_path() / ("gatehouse_bench_keys_" + store::newId().substr(0, 12));
    std::filesystem::create_directories(dir_);
    StorageConfig config;
    config.driver = "sqlite";
    config.sqlite.path = (dir_ / "keys.db").string();
    store_ = store::openStore(config);
    const store::User owner = store_->users().create(store::NewUser{"", "bench@example.test", "bench", store::Role::Member});
    for (int i = 0; i < kKeys; ++i) {
      const auth::GeneratedApiKey generated = auth::generateApiKey();
      store::NewApiKey key;
      key.keyHash = generated.hash;
      key.prefix = generated.displayPrefix;
      key.ownerUserId = owner.id;
      key.name = "bench-" + std::to_string(i);
      key.scopes = {"model:gpt-4o*", "endpoint:chat"};
      key.limits.requestsPerMinute = 600;
      store_->apiKeys().insert(key);
      secrets_.push_back(generated.secret);
    }
    directory_ = std::make_unique<auth::KeyDirectory>(*store_, auth::KeyDirectoryOptions{std::chrono::hours(1), 1000});
    directory_->start();
  }
  ~LoadedDirectory() {
    directory_.reset();
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  const auth::KeyDirectory& directory() const { return *directory_; }
  const std::vector<std::string>& secrets() const { return secrets_; }

private:
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<auth::KeyDirectory> directory_;
  std::vector<std::string> secrets_;
};

const LoadedDirectory& loaded() {
  static const LoadedDirectory instance;
  return instance;
}

void BM_KeyDirectory_FindCacheHit(benchmark::State& state) {
  const LoadedDirectory& keys = loaded();
  CredentialRecord record;
  std::size_t next = 0;
  for (auto _ : state) {
    if (keys.directory().find(keys.secrets()[next], record) != CredentialDirectory::Lookup::Found)
      throw std::runtime_error("an issued key was not found");
    benchmark::DoNotOptimize(record);
    next = (next + 1) % keys.secrets().size();
  }
}
BENCHMARK(BM_KeyDirectory_FindCacheHit)->Name("API key lookup (cache hit)")->ThreadRange(1, 2);

void BM_KeyDirectory_FindUnknownKey(benchmark::State& state) {
  const LoadedDirectory& keys = loaded();
  const std::string unknown = auth::generateApiKey().secret;
  CredentialRecord record;
  for (auto _ : state) {
    if (keys.directory().find(unknown, record) != CredentialDirectory::Lookup::NotFound)
      throw std::runtime_error("an unknown key was found");
  }
}
BENCHMARK(BM_KeyDirectory_FindUnknownKey)->Name("API key lookup (unknown key)");

} // namespace
