# syntax=docker/dockerfile:1
# Build stage: install everything, generate-check and compile TypeScript.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json codegen.ts ./
COPY schema ./schema
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: compiled code, production dependencies and the SDL the server loads at start.
FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY schema ./schema
# The reference operations: the start-up warm-up runs them, and the explorer offers them as tabs.
COPY operations ./operations
# The trusted documents manifest (GRAPHQL_TRUSTED_DOCUMENTS=only runs nothing else).
COPY clients/typescript/src/generated/persisted-documents.json ./clients/typescript/src/generated/
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/main.js"]
