// A Store that forwards to a real one and lets a test see and steer what the auth
// components do with it: it counts every call to users, teams, API keys and sessions,
// can be switched into an outage (every such call throws StoreError(Unavailable), as a
// database that stopped answering does), and can run a hook just before a user or team is
// created, to let "another node" win a race at exactly that moment.
#pragma once

#include <gatehouse/store/store.hpp>
#include <gatehouse/store/store_error.hpp>

#include <atomic>
#include <functional>

namespace gatehouse::auth::testing {

class StoreGate {
public:
  void enter() {
    ++calls_;
    if (down_)
      throw store::StoreError(store::StoreError::Kind::Unavailable, "the test switched the store off");
  }
  int calls() const { return calls_; }
  void setDown(bool down) { down_ = down; }

private:
  std::atomic<int> calls_{0};
  std::atomic<bool> down_{false};
};

class GatedUsers final : public store::UserRepository {
public:
  GatedUsers(store::UserRepository& inner, StoreGate& gate) : inner_(inner), gate_(gate) {}
  store::User create(const store::NewUser& user) override {
    gate_.enter();
    if (beforeCreate)
      beforeCreate(user);
    return inner_.create(user);
  }
  std::optional<store::User> findById(const std::string& id) override { return gate_.enter(), inner_.findById(id); }
  std::optional<store::User> findBySubject(const std::string& subject) override {
    return gate_.enter(), inner_.findBySubject(subject);
  }
  std::vector<store::User> list(const std::string& afterId, int limit) override {
    return gate_.enter(), inner_.list(afterId, limit);
  }
  bool update(const store::User& user) override { return gate_.enter(), inner_.update(user); }

  std::function<void(const store::NewUser&)> beforeCreate;

private:
  store::UserRepository& inner_;
  StoreGate& gate_;
};

class GatedTeams final : public store::TeamRepository {
public:
  GatedTeams(store::TeamRepository& inner, StoreGate& gate) : inner_(inner), gate_(gate) {}
  store::Team create(const store::NewTeam& team) override {
    gate_.enter();
    if (beforeCreate)
      beforeCreate(team);
    return inner_.create(team);
  }
  std::optional<store::Team> findById(const std::string& id) override { return gate_.enter(), inner_.findById(id); }
  std::optional<store::Team> findByName(const std::string& name) override {
    return gate_.enter(), inner_.findByName(name);
  }
  std::vector<store::Team> list() override { return gate_.enter(), inner_.list(); }
  void putMember(const std::string& teamId, const std::string& userId, store::Role role) override {
    gate_.enter();
    inner_.putMember(teamId, userId, role);
  }
  bool removeMember(const std::string& teamId, const std::string& userId) override {
    return gate_.enter(), inner_.removeMember(teamId, userId);
  }
  std::vector<store::TeamMember> members(const std::string& teamId) override {
    return gate_.enter(), inner_.members(teamId);
  }
  std::vector<store::TeamMember> teamsOf(const std::string& userId) override {
    return gate_.enter(), inner_.teamsOf(userId);
  }

  std::function<void(const store::NewTeam&)> beforeCreate;

private:
  store::TeamRepository& inner_;
  StoreGate& gate_;
};

class GatedApiKeys final : public store::ApiKeyRepository {
public:
  GatedApiKeys(store::ApiKeyRepository& inner, StoreGate& gate) : inner_(inner), gate_(gate) {}
  store::ApiKey insert(const store::NewApiKey& key) override { return gate_.enter(), inner_.insert(key); }
  std::optional<store::ApiKey> findByHash(const std::string& hash) override {
    return gate_.enter(), inner_.findByHash(hash);
  }
  std::optional<store::ApiKey> findById(const std::string& id) override { return gate_.enter(), inner_.findById(id); }
  std::vector<store::ApiKey> listByOwner(const std::string& owner) override {
    return gate_.enter(), inner_.listByOwner(owner);
  }
  bool revoke(const std::string& id, std::int64_t atMs) override { return gate_.enter(), inner_.revoke(id, atMs); }
  bool updateScopes(const std::string& id, const std::vector<std::string>& scopes) override {
    return gate_.enter(), inner_.updateScopes(id, scopes);
  }
  bool updateLimits(const std::string& id, const store::ApiKeyLimits& limits) override {
    return gate_.enter(), inner_.updateLimits(id, limits);
  }
  bool setDisabled(const std::string& id, bool disabled) override {
    return gate_.enter(), inner_.setDisabled(id, disabled);
  }
  bool updateExpiry(const std::string& id, std::optional<std::int64_t> expiresAtMs) override {
    return gate_.enter(), inner_.updateExpiry(id, expiresAtMs);
  }
  bool rename(const std::string& id, const std::string& name) override { return gate_.enter(), inner_.rename(id, name); }
  std::size_t touchOwner(const std::string& owner) override { return gate_.enter(), inner_.touchOwner(owner); }
  std::vector<store::ApiKey> list(const std::string& afterId, int limit) override {
    return gate_.enter(), inner_.list(afterId, limit);
  }
  store::ApiKeyChanges changedSince(std::int64_t cursor, int limit) override {
    return gate_.enter(), inner_.changedSince(cursor, limit);
  }

private:
  store::ApiKeyRepository& inner_;
  StoreGate& gate_;
};

class GatedSessions final : public store::SessionRepository {
public:
  GatedSessions(store::SessionRepository& inner, StoreGate& gate) : inner_(inner), gate_(gate) {}
  void create(const store::Session& session) override {
    gate_.enter();
    inner_.create(session);
  }
  std::optional<store::Session> find(const std::string& idHash) override { return gate_.enter(), inner_.find(idHash); }
  bool remove(const std::string& idHash) override { return gate_.enter(), inner_.remove(idHash); }
  std::size_t removeForUser(const std::string& userId) override { return gate_.enter(), inner_.removeForUser(userId); }
  std::size_t removeExpired(std::int64_t nowMs) override { return gate_.enter(), inner_.removeExpired(nowMs); }
  void putLoginFlow(const store::LoginFlow& flow) override {
    gate_.enter();
    inner_.putLoginFlow(flow);
  }
  std::optional<store::LoginFlow> takeLoginFlow(const std::string& stateHash, std::int64_t nowMs) override {
    return gate_.enter(), inner_.takeLoginFlow(stateHash, nowMs);
  }

private:
  store::SessionRepository& inner_;
  StoreGate& gate_;
};

class InstrumentedStore final : public store::Store {
public:
  explicit InstrumentedStore(store::Store& inner)
      : inner_(inner), users_(inner.users(), gate_), teams_(inner.teams(), gate_), apiKeys_(inner.apiKeys(), gate_),
        sessions_(inner.sessions(), gate_) {}

  // Calls to users, teams, API keys and sessions so far.
  int calls() const { return gate_.calls(); }
  void setDown(bool down) { gate_.setDown(down); }
  GatedUsers& gatedUsers() { return users_; }
  GatedTeams& gatedTeams() { return teams_; }

  std::string_view driverName() const override { return inner_.driverName(); }
  void ping() override { inner_.ping(); }
  int schemaVersion() override { return inner_.schemaVersion(); }
  store::MigrationResult migrate() override { return inner_.migrate(); }
  store::UserRepository& users() override { return users_; }
  store::TeamRepository& teams() override { return teams_; }
  store::ApiKeyRepository& apiKeys() override { return apiKeys_; }
  store::ProviderRepository& providers() override { return inner_.providers(); }
  store::ModelRepository& models() override { return inner_.models(); }
  store::UsageRepository& usage() override { return inner_.usage(); }
  store::AuditRepository& audit() override { return inner_.audit(); }
  store::SessionRepository& sessions() override { return sessions_; }

private:
  store::Store& inner_;
  StoreGate gate_;
  GatedUsers users_;
  GatedTeams teams_;
  GatedApiKeys apiKeys_;
  GatedSessions sessions_;
};

} // namespace gatehouse::auth::testing
