# Sourced by the set-up scripts that run a nested `npm install`. Under `npm run ...` the outer npm
# exports npm_* variables (npm_config_user_agent names the outer Node), NODE and INIT_CWD; an
# install script that reads them builds for the wrong Node (code-server refuses to). A nested
# install must see the clean environment it would get from a plain shell.
while IFS='=' read -r name _; do
  case "$name" in npm_*|NPM_*|NODE|INIT_CWD) unset "$name" ;; esac
done < <(env)
