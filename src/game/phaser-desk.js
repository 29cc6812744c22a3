// The part of Phaser 4 the desk uses, from Phaser's own sources: in a build, `import Phaser from
// 'phaser'` comes here, compiled with the Canvas renderer alone (vite.plugins.ts; the dev server
// keeps the full bundle). The game and its scene systems, Image and Container, tweens and timers.
// Types still come from Phaser's full declarations, so anything the desk starts using must be
// added here too: test/e2e/desk.e2e.ts looks at the built desk's pixels. Plain JavaScript, as
// Phaser's sources are.
import CONST from 'phaser-src/const.js';
import Core from 'phaser-src/core/index.js';
import Game from 'phaser-src/core/Game.js';
import GameObject from 'phaser-src/gameobjects/GameObject.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
// The scene plugins the desk's scene gets (the cache skips those not registered: input, loader, data…).
import 'phaser-src/cameras/2d/CameraManager.js';
import 'phaser-src/events/EventEmitter.js';
import 'phaser-src/gameobjects/DisplayList.js';
import 'phaser-src/gameobjects/GameObjectCreator.js';
import 'phaser-src/gameobjects/GameObjectFactory.js';
import 'phaser-src/gameobjects/UpdateList.js';
import Renderer from 'phaser-src/renderer/index.js';
import Scale from 'phaser-src/scale/index.js';
import Scene from 'phaser-src/scene/Scene.js';
import Scenes from 'phaser-src/scene/index.js';
import 'phaser-src/time/Clock.js';
import 'phaser-src/tweens/TweenManager.js';
import Extend from 'phaser-src/utils/object/Extend.js';

const Phaser = Extend(
  false,
  {
    Core,
    Game,
    GameObjects: { GameObject, Container, Image },
    Renderer,
    Scale,
    Scene,
    Scenes,
  },
  CONST,
);

export default Phaser;
