import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, PersistentVolumeClaim, Secret, Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { parseModelsConfig } from '../../core/config/models-config.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const OVERLAYS = join(ROOT, 'configs', 'kubernetes', 'overlays');

// The Kubernetes API schemas (from kubernetes-models, offline) for every kind the manifests use.
const SCHEMAS: Record<string, new (o: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // Rendered manifests, checked against the schemas above.
  spec?: any;
  data?: Record<string, string>;
}

/** The overlay as `kubectl kustomize` renders it (offline). */
function render(overlay: string): K8sObject[] {
  const out = execFileSync(process.env['KUBECTL'] ?? 'kubectl', ['kustomize', join(OVERLAYS, overlay)], {
    encoding: 'utf8',
  });
  return parseAllDocuments(out).map((d) => d.toJSON() as K8sObject);
}

const find = (objects: K8sObject[], kind: string, name: string) => {
  // Generated ConfigMaps and Secrets carry a hash after their name.
  const generated = kind === 'ConfigMap' || kind === 'Secret';
  const o = objects.find(
    (x) => x.kind === kind && (x.metadata.name === name || (generated && x.metadata.name.startsWith(`${name}-`))),
  );
  assert.ok(o, `${kind} ${name}`);
  return o;
};
/** Whether a label selector matches pods with these labels. */
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
const env = (d: K8sObject) =>
  Object.fromEntries(
    (d.spec.template.spec.containers[0].env as Array<{ name: string; value?: string }>).map((e) => [e.name, e.value]),
  );

for (const overlay of ['single', 'scaled']) {
  describe(`Kubernetes overlay "${overlay}"`, () => {
    const objects = render(overlay);

    it('renders objects that the Kubernetes schemas accept', () => {
      for (const o of objects) {
        const Schema = SCHEMAS[`${o.apiVersion}/${o.kind}`];
        assert.ok(Schema, `no schema vendored for ${o.apiVersion} ${o.kind}`);
        assert.doesNotThrow(() => new Schema(o as never).validate(), `${o.kind} ${o.metadata.name}`);
      }
    });

    it('probes the gateway on its readiness and liveness endpoints, as a non-root user', () => {
      const gateway = find(objects, 'Deployment', 'llm-router');
      const pod = gateway.spec.template.spec;
      const container = pod.containers[0];
      assert.equal(container.readinessProbe.httpGet.path, '/api/ready');
      assert.equal(container.livenessProbe.httpGet.path, '/api/ping');
      assert.equal(pod.securityContext.runAsNonRoot, true);
      assert.ok(pod.securityContext.runAsUser > 0);
      assert.ok(pod.terminationGracePeriodSeconds >= 30, 'time to drain');
      const service = find(objects, 'Service', 'llm-router');
      assert.ok(selects(service.spec.selector, gateway.spec.template.metadata.labels), 'the Service selects the pods');
    });

    it('runs the web UIs as a non-root user, probed on /healthz, reaching the gateway by its Service', () => {
      const web = find(objects, 'Deployment', 'llm-router-web');
      const pod = web.spec.template.spec;
      const container = pod.containers[0];
      assert.equal(container.readinessProbe.httpGet.path, '/healthz');
      assert.equal(pod.securityContext.runAsNonRoot, true);
      const gatewayService = find(objects, 'Service', 'llm-router');
      assert.equal(env(web)['LLM_ROUTER_WEB_GATEWAY_URL'], `http://llm-router:${gatewayService.spec.ports[0].port}`);
      // Its SQLite file lives on its own volume, which one pod at a time writes.
      assert.equal(web.spec.replicas, 1);
      assert.equal(web.spec.strategy.type, 'Recreate');
      const data = pod.volumes.find((v: { name: string }) => v.name === 'data');
      find(objects, 'PersistentVolumeClaim', data.persistentVolumeClaim.claimName);
      assert.ok(selects(find(objects, 'Service', 'llm-router-web').spec.selector, web.spec.template.metadata.labels));
    });

    it('ships a models config the gateway itself accepts', () => {
      const config = find(objects, 'ConfigMap', 'llm-router-models');
      assert.doesNotThrow(() => parseModelsConfig(JSON.parse(config.data!['models-config.json']!), 'the ConfigMap'));
    });

    if (overlay === 'single')
      it('runs one replica with its state in the process', () => {
        const gateway = find(objects, 'Deployment', 'llm-router');
        assert.equal(gateway.spec.replicas, 1);
        assert.equal(env(gateway)['LLM_ROUTER_REDIS_HOST'], undefined);
        assert.ok(!objects.some((o) => o.metadata.name === 'redis'));
      });
    else
      it('runs replicas that share Redis, autoscaled, kept through disruptions, each with its own audit chain', () => {
        const gateway = find(objects, 'Deployment', 'llm-router');
        assert.ok(gateway.spec.replicas >= 2);
        const vars = env(gateway);
        assert.equal(vars['LLM_ROUTER_REDIS_HOST'], 'redis');
        assert.match(vars['LLM_ROUTER_AUDIT_DIR']!, /\$\(POD_NAME\)/);
        find(objects, 'Service', 'redis');
        const hpa = find(objects, 'HorizontalPodAutoscaler', 'llm-router');
        assert.equal(hpa.spec.scaleTargetRef.name, gateway.metadata.name);
        const pdb = find(objects, 'PodDisruptionBudget', 'llm-router');
        assert.ok(
          selects(pdb.spec.selector.matchLabels, gateway.spec.template.metadata.labels),
          'the PDB covers the pods',
        );
        const audit = find(objects, 'PersistentVolumeClaim', 'llm-router-audit');
        assert.deepEqual(audit.spec.accessModes, ['ReadWriteMany']);
      });
  });
}
