// Module scope: React Flow compares nodeTypes by identity, so it must never be rebuilt.
import type { NodeTypes } from '@xyflow/react';
import { Area, Heading, Placeholder } from './nodes/Decorations.tsx';
import { createElement } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { DockerContainerNode, DockerImageNode, DockerVolumeNode } from './docker-graph.ts';
import { dockerKit } from './useDockerKit.ts';
import { Flyer } from './nodes/Flyer.tsx';
import { NodeGroup } from './nodes/NodeGroup.tsx';
import { ObjectCard } from './nodes/ObjectCard.tsx';
import { ZoneLane } from './nodes/ZoneLane.tsx';

// Docker cards live in the lazily loaded Docker kit; the canvas draws them only once it is loaded.
const DockerImageCard = (p: NodeProps<DockerImageNode>) => { const k = dockerKit(); return k ? createElement(k.DockerImageCard, p) : null; };
const DockerContainerCard = (p: NodeProps<DockerContainerNode>) => { const k = dockerKit(); return k ? createElement(k.DockerContainerCard, p) : null; };
const DockerVolumeCard = (p: NodeProps<DockerVolumeNode>) => { const k = dockerKit(); return k ? createElement(k.DockerVolumeCard, p) : null; };

export const nodeTypes = {
  object: ObjectCard,
  k8sNode: NodeGroup,
  zone: ZoneLane,
  area: Area,
  heading: Heading,
  placeholder: Placeholder,
  dockerImage: DockerImageCard,
  dockerContainer: DockerContainerCard,
  dockerVolume: DockerVolumeCard,
  flyer: Flyer,
} satisfies NodeTypes;
