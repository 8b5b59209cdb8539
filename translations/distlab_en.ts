<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdversarialLessonView</name>
    <message>
        <source>Adversarial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8b: accuracy under attack for each way of training, and the attacked images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8b finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8b: %1, %2% clean and %3% under attack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AggregationLessonView</name>
    <message>
        <source>Aggregation</source>
        <translation type="unfinished">Aggregation</translation>
    </message>
    <message>
        <source>Lesson 5: S-DNN, MA-DNN, E-DNN and EC-DNN compared</source>
        <translation type="unfinished">Lesson 5: S-DNN, MA-DNN, E-DNN and EC-DNN compared</translation>
    </message>
    <message>
        <source>Lesson 5 done: the four methods are compared in the Aggregation tab</source>
        <translation type="unfinished">Lesson 5 done: the four methods are compared in the Aggregation tab</translation>
    </message>
    <message>
        <source>%1: test accuracy %2%, model of %3 parameters, %4 sent, %5 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AveragingLessonView</name>
    <message>
        <source>Averaging</source>
        <translation type="unfinished">Averaging</translation>
    </message>
    <message>
        <source>Lesson 1: gradient averaging vs model averaging on the lecture&apos;s linear regression</source>
        <translation type="unfinished">Lesson 1: gradient averaging vs model averaging on the lecture&apos;s linear regression</translation>
    </message>
    <message>
        <source>Lesson 1 computed. %1</source>
        <translation type="unfinished">Lesson 1 computed. %1</translation>
    </message>
</context>
<context>
    <name>CaptureStore</name>
    <message>
        <source>No captured push in %1</source>
        <translation>No captured push in %1</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Cannot create %1</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2</source>
        <translation>Cannot copy %1 to %2</translation>
    </message>
    <message>
        <source>%1 is not a spec</source>
        <translation>%1 is not a spec</translation>
    </message>
</context>
<context>
    <name>ChoiceNames</name>
    <message>
        <source>training on a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient vs model averaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aggregation rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>averaging and convexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient inversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model partitioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>federated learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poisoning and robust rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adversarial examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>property inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compressed updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>height and weight (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian blobs (2-D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two spirals (2-D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standardize (mean 0, std 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear (one layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform (in the given range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross-entropy (softmax)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean squared error (MSE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSP (synchronous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASP (asynchronous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSP (bounded staleness)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local SGD (models averaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring all-reduce (no server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted mean (by examples)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model averaging (MA-DNN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ensemble (E-DNN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ensemble-compression (EC-DNN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shuffle and split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random sampling with replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dirichlet by label (non-IID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label-sorted shards (non-IID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unequal sizes (quantity skew)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32-bit floats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8-bit integers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top-k (the largest values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign (1 bit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipeline (by layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random skeleton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>even work (a layer split by neurons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in each backward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grouped later (zero bubble)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FedAvg (the average as the step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop their updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use them in the next round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip the round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation type="unfinished">cosine</translation>
    </message>
    <message>
        <source>in this process (fast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on a real cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no differential privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>central DP (the server adds noise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local DP (each worker or client adds noise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every rule against this attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every rule against every attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FGSM (one step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PGD (projected steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L∞ (each pixel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 (the whole change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every worker from the same start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each worker from its own start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T-shirt/top</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Trouser</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Pullover</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Dress</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Coat</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandal</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Shirt</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Sneaker</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Bag</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Ankle boot</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>airplane</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>automobile</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>bird</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>cat</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>deer</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>dog</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>frog</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>horse</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>ship</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>truck</translation>
    </message>
</context>
<context>
    <name>CompressionLessonView</name>
    <message>
        <source>Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 4b: test accuracy against the bytes pushed, for each update encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 4b finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 4b: %1 runs compared, %2 on the front</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConvexityLessonView</name>
    <message>
        <source>Convexity</source>
        <translation type="unfinished">Convexity</translation>
    </message>
    <message>
        <source>Lesson 5: averaging parameters vs averaging outputs</source>
        <translation type="unfinished">Lesson 5: averaging parameters vs averaging outputs</translation>
    </message>
    <message>
        <source>Convexity study done: see the Convexity tab</source>
        <translation type="unfinished">Convexity study done: see the Convexity tab</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>pid %1</source>
        <translation type="unfinished">pid %1</translation>
    </message>
    <message>
        <source>started by hand</source>
        <translation type="unfinished">started by hand</translation>
    </message>
    <message>
        <source>its connection closed</source>
        <translation type="unfinished">its connection closed</translation>
    </message>
    <message>
        <source>killed from the window</source>
        <translation type="unfinished">killed from the window</translation>
    </message>
    <message>
        <source>no sign of life for %1 ms</source>
        <translation type="unfinished">no sign of life for %1 ms</translation>
    </message>
    <message>
        <source>it sent bytes that are not a frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent a message it may not send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent telemetry that does not decode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it pushed an update of the wrong size or kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong token</source>
        <translation type="unfinished">wrong token</translation>
    </message>
    <message>
        <source>it broke the handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no authentication within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rank %1 is not one of the run&apos;s %2 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 is already connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 has already finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 monitors may watch a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it closed or sent garbage before authenticating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every worker died</source>
        <translation type="unfinished">every worker died</translation>
    </message>
    <message>
        <source>stopped from the window</source>
        <translation type="unfinished">stopped from the window</translation>
    </message>
    <message>
        <source>interrupted by a signal (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not every worker joined within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 exited with status %2 before joining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 was killed by signal %2 before joining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set %1: %2 training and %3 test examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection from %1 was refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: every worker waits before its next step</source>
        <translation type="unfinished">Paused: every worker waits before its next step</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation type="unfinished">Resumed</translation>
    </message>
    <message>
        <source>One more step for every worker</source>
        <translation type="unfinished">One more step for every worker</translation>
    </message>
    <message>
        <source>Secure aggregation: %1 round(s) without every worker could not be unmasked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not keep worker %1&apos;s push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1 pushes models (local SGD), not gradients: nothing was captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1: %2 values clamped to the masks&apos; fixed-point range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data split for epoch %1: %2% of the training examples go to no worker</source>
        <translation type="unfinished">The data split for epoch %1: %2% of the training examples go to no worker</translation>
    </message>
    <message>
        <source>Update %1 (epoch %2 of %3, %4 s): test loss %5, test accuracy %6%, %7 samples/s</source>
        <translation type="unfinished">Update %1 (epoch %2 of %3, %4 s): test loss %5, test accuracy %6%, %7 samples/s</translation>
    </message>
    <message>
        <source>Iteration %1: gradient distance %2, mean PSNR %3 dB</source>
        <translation type="unfinished">Iteration %1: gradient distance %2, mean PSNR %3 dB</translation>
    </message>
    <message>
        <source>The run ended: %1</source>
        <translation type="unfinished">The run ended: %1</translation>
    </message>
    <message>
        <source>pipeline stage %1 was killed by signal %2; the other stages were stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipeline stage %1 exited with status %2; the other stages were stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipeline stage %1 stopped answering; the other stages were stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline started: %1 stage processes, schedule %2, %3 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shard %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation type="unfinished">Worker %1</translation>
    </message>
    <message>
        <source>The split within layers started: %1 shard processes, %2 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The skeleton partition started: %1 worker processes, %2 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1: the server chose a new skeleton (%2 hidden neurons every worker trains) and a new sub-network for each worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 joined (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejoined at step %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished all its steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 died: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 slowed down %2 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 back to full speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federated learning started: %1 worker processes host the clients, client rule %2, data split %3, %4 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1, attempt %2: %3 result(s) from %4 sampled clients are too few; the global model stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training data are split over %1 clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; malicious workers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1, attempt %2: %3 of %4 clients survived, fewer than the %5 secure aggregation needs; nothing was unmasked and the global model stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1: %2 client(s) dropped out after sharing their keys; the survivors&apos; shares removed their masks and the server unmasked only the survivors&apos; sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 dropped out of secure aggregation: its mask key was given away to remove its masks, so it may not push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 left a securely aggregated run before the mask keys were shared, so its partners&apos; masks can never be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 left a securely aggregated run, and fewer than the %2 workers needed to rebuild its mask key are still in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure aggregation: the %1 workers exchanged their public keys and shares of their mask keys; every push is masked, and the server sees only each round&apos;s sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure aggregation: worker %1 dropped out; its mask key was rebuilt from %2 survivors&apos; shares, and the server removes its masks from the rounds it misses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1, the Paillier key holder, left: no round&apos;s sum can be decrypted without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homomorphic aggregation: worker %1 holds a %2-bit Paillier key and sent its public half to every worker; the server adds encrypted pushes it cannot read, and worker %1 decrypts only each round&apos;s sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 connections were waiting to authenticate; an idle one was dropped so that workers can still join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started again by the restart policy, restart %1, pid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started again from the window, pid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped %2 of its %3 steps while it was down: %4 examples untrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was lost and not restarted: %2 of its %3 steps, %4 examples, untrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run resumes from its checkpoint at update %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint at update %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 of the ring was killed by signal %2; the ring cannot sum without it, the other workers were stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 of the ring exited with status %2; the ring cannot sum without it, the other workers were stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 of the ring stopped answering; the ring cannot sum without it, the other workers were stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, part %2 of %3: %4 on %n worker(s)</source>
        <translation>
            <numerusform>%1, part %2 of %3: %4 on %n worker</numerusform>
            <numerusform>%1, part %2 of %3: %4 on %n workers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, part %2 of %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster started: %1 workers, %2, data: %3, %4 parameters, port %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 computed, tables in the run folder: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FederatedLessonView</name>
    <message>
        <source>Federated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 6: who took part in each round, and how far the clients&apos; updates spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 6 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 6: %1% test accuracy after %2 rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, IID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Fashion-MNIST MLP</source>
        <translation>Fashion-MNIST MLP</translation>
    </message>
    <message>
        <source>A 784-256-128-10 ReLU network learns to tell ten kinds of clothing apart.</source>
        <translation>A 784-256-128-10 ReLU network learns to tell ten kinds of clothing apart.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 (at byte %3)</source>
        <translation>%1 is not valid JSON: %2 (at byte %3)</translation>
    </message>
    <message>
        <source>%1 is not an experiment spec: it is not a JSON object</source>
        <translation>%1 is not an experiment spec: it is not a JSON object</translation>
    </message>
    <message>
        <source>Lesson 2: data partitioning</source>
        <translation>Lesson 2: data partitioning</translation>
    </message>
    <message>
        <source>Four workers draw their data by random sampling with replacement: about 37% of the examples are never used. Switch cluster.partition to shuffle-split and every example is used exactly once per epoch.</source>
        <translation>Four workers draw their data by random sampling with replacement: about 37% of the examples are never used. Switch cluster.partition to shuffle-split and every example is used exactly once per epoch.</translation>
    </message>
    <message>
        <source>Lesson 4: synchronization with a straggler</source>
        <translation>Lesson 4: synchronization with a straggler</translation>
    </message>
    <message>
        <source>Worker 0 is three times slower. Under BSP the others wait for it at every barrier; switch cluster.sync to asp or ssp (staleness 3) and compare the time to the same accuracy.</source>
        <translation>Worker 0 is three times slower. Under BSP the others wait for it at every barrier; switch cluster.sync to asp or ssp (staleness 3) and compare the time to the same accuracy.</translation>
    </message>
    <message>
        <source>Lesson 1: gradient averaging vs model averaging</source>
        <translation>Lesson 1: gradient averaging vs model averaging</translation>
    </message>
    <message>
        <source>The lecture&apos;s example: weight = b * height + a over 100 people on 2 clients. After one step, averaging the clients&apos; gradients and averaging their models both give central gradient descent; with several local steps per round they part. Try cluster.local_steps = 1, unequal client sizes (cluster.capacities) and aggregation &quot;mean&quot;.</source>
        <translation>The lecture&apos;s example: weight = b * height + a over 100 people on 2 clients. After one step, averaging the clients&apos; gradients and averaging their models both give central gradient descent; with several local steps per round they part. Try cluster.local_steps = 1, unequal client sizes (cluster.capacities) and aggregation &quot;mean&quot;.</translation>
    </message>
    <message>
        <source>Lesson 5: aggregation methods</source>
        <translation>Lesson 5: aggregation methods</translation>
    </message>
    <message>
        <source>S-DNN (one worker), MA-DNN (model averaging), E-DNN (ensemble) and EC-DNN (ensemble-compression) on 4 workers, one after the other, with the same data, seed and number of examples. Compare test accuracy against epochs, wall time and bytes sent, and the model sizes in the table.</source>
        <translation>S-DNN (one worker), MA-DNN (model averaging), E-DNN (ensemble) and EC-DNN (ensemble-compression) on 4 workers, one after the other, with the same data, seed and number of examples. Compare test accuracy against epochs, wall time and bytes sent, and the model sizes in the table.</translation>
    </message>
    <message>
        <source>Lesson 5: why averaging needs convexity</source>
        <translation>Lesson 5: why averaging needs convexity</translation>
    </message>
    <message>
        <source>Two MLPs train on the two halves of 12,000 Fashion-MNIST images. Averaged every round from a common start, the averaged model is as good as its members; trained from different random starts, their average is far worse, while their ensemble stays better than the mean of the two. Switch model.arch to linear (logistic regression, convex) and the average never loses.</source>
        <translation>Two MLPs train on the two halves of 12,000 Fashion-MNIST images. Averaged every round from a common start, the averaged model is as good as its members; trained from different random starts, their average is far worse, while their ensemble stays better than the mean of the two. Switch model.arch to linear (logistic regression, convex) and the average never loses.</translation>
    </message>
    <message>
        <source>Lesson 7: gradients leak the training data</source>
        <translation>Lesson 7: gradients leak the training data</translation>
    </message>
    <message>
        <source>Four private Fashion-MNIST images go through a sigmoid MLP; the worker shares only their gradient. The server rebuilds them with DLG (L-BFGS on dummy images and labels). Then the price of defending: Gaussian noise of growing strength on every shared gradient against the attack&apos;s PSNR and the accuracy of a real 2-worker cluster whose workers add that noise to every push. Try privacy.defense topk or int8, or model.arch lenet5. In any cluster run, right-click a worker in the Cluster view to capture its next push and attack it here.</source>
        <translation>Four private Fashion-MNIST images go through a sigmoid MLP; the worker shares only their gradient. The server rebuilds them with DLG (L-BFGS on dummy images and labels). Then the price of defending: Gaussian noise of growing strength on every shared gradient against the attack&apos;s PSNR and the accuracy of a real 2-worker cluster whose workers add that noise to every push. Try privacy.defense topk or int8, or model.arch lenet5. In any cluster run, right-click a worker in the Cluster view to capture its next push and attack it here.</translation>
    </message>
    <message>
        <source>Lesson 3: model partitioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network is cut by layers into three stage processes: activations travel forward and their errors back, and a batch is cut into four micro-batches so the stages work at once. The timeline shows each stage&apos;s idle bubble; afterwards the lesson measures the bubble for 2 to 4 stages and 1 to 16 micro-batches beside the theory (p-1)/(m+p-1), and compares the bytes per example with data parallelism.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 3: splitting within layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two processes each hold half of every layer&apos;s neurons (its rows of W and its biases). After each layer they exchange their halves of the outputs, and on the way back they add up their shares of the input errors: every process ends each step with the same result as one process with the whole network, while each holds half of the model. Compare the bytes per update with data parallelism in the Partitioning tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 3: random skeleton partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network too large for one worker: each of four workers trains only a sub-network, the skeleton of the most important neurons (a quarter of each hidden layer, shared by all) plus a quarter of the others drawn at random for it. The server merges the sub-networks, averaging where they overlap, and chooses again every five rounds. Afterwards the same rounds with the whole network on every worker (model averaging) for comparison: accuracy, bytes sent and the model each worker holds, in the Partitioning tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 6: federated learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One hundred clients own their data, and their data are not alike: a Dirichlet split with alpha 0.1 gives most clients only two or three classes (the Data tab). Each round the server samples a tenth of the clients that are online; each trains ten SGD steps on its own data from the global model, on the four worker processes that host the clients, and the server averages their models weighted by their data (FedAvg). Like phones, the clients are not alike either: one in ten is offline in a round, one in ten drops out mid-round, and the slowest miss the round&apos;s deadline (the Federated tab). Afterwards the same rounds run again with FedProx, with SCAFFOLD and with IID data (shuffle-split), on the same seed and clients: their accuracy curves side by side in the Federated tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8: poisoning and robust aggregation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eleven workers train one model under BSP, and two of them (ranks 3 and 7) are malicious: they push their gradient flipped and ten times as long. The server does not simply average: Multi-Krum scores every push by its distance to its nearest neighbours and leaves out the farthest (the Security tab shows each round&apos;s verdicts, the pushes&apos; lengths and their angle to the aggregate, and how well the flags found the attackers). Afterwards the same training runs again on the same seed with every server rule against the same attack, and once without an attack: the table compares final accuracy. Set Compare to every rule against every attack (grid) to meet every attack, among them ALIE, which hides inside the honest spread, and a backdoor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8b: adversarial examples and adversarial training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four workers train an MLP on Fashion-MNIST. Afterwards PGD moves each test image by at most epsilon per pixel to make the model wrong: a change too small to see turns most answers (the Adversarial tab shows originals, adversarial images and the magnified change with the answers, and the test accuracy against epsilon). The same training runs again with adversarial training (every worker crafts PGD examples on its own batch each step and trains on them) and with input-gradient regularisation (the loss penalises how fast it changes with the input): they give up a little clean accuracy for much more accuracy under attack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8c: what a gradient says about the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four workers train a small MLP on Fashion-MNIST with batches of 8. The honest-but-curious server keeps every push of worker 0 and, from each, guesses whether its batch held a T-shirt: a meta-classifier trained on gradients it computes itself on its own images, with and without a T-shirt, at the same parameters. Nobody asked the workers about T-shirts. Then the same run with the workers adding Gaussian noise (std 0.1, 0.3, 1) to every push, and with secure aggregation (the server sees only the round&apos;s sum): the attack&apos;s AUC falls, and the table shows what each defense costs in accuracy. Try privacy.property_class or training.batch_size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 4b: fewer bytes on the wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four workers train an MLP on Fashion-MNIST under BSP, and every push is the whole gradient: 4 bytes a value. Then the same training with each update encoder: half or quarter precision, only the largest 1% of the values (top-k), 1% at random (rand-k), a few random levels a value (QSGD), one bit a value (sign), and top-k and sign again with error feedback, which keeps what a push left out for the next one; and top-k with feedback at 10% and 0.1%. The chart sets accuracy against the bytes pushed: the line joins the runs nothing beats on both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 6b: private federated rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The federated rounds of lesson 6 (one hundred non-IID clients, a tenth sampled a round, some offline or dropping out), with the updates protected. Secure aggregation: each client masks its update with secrets it shares pairwise with the others, and deals Shamir shares of its keys, so the server learns only the sum of the survivors&apos; updates, even when clients drop out after masking (the log names each round that recovered from dropouts). Central differential privacy: every update is clipped to norm 0.5 and the server adds Gaussian noise to the sum; the privacy spent, epsilon at delta 1e-5, climbs round by round on the training chart. Afterwards the same rounds run without protection, with local DP, with central DP, with secure aggregation, and with both, and one round with Paillier encryption (a 1024-bit key here, so that the round takes seconds rather than minutes): accuracy, epsilon, bytes, the server&apos;s time and what it learns, side by side in the Federated tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 4c: all-reduce without a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four workers and no parameter server: each step they sum their gradients round a ring (reduce-scatter, then all-gather) and each takes the same step. Watch the Cluster and Traffic views, then compare what each worker sends with a parameter server&apos;s link at 2, 4 and 8 workers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPartitionLessonView</name>
    <message>
        <source>Partitioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 3: the pipeline&apos;s bubble and the bytes per example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 3 measured: see the Partitioning tab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyLessonView</name>
    <message>
        <source>Privacy</source>
        <translation type="unfinished">Privacy</translation>
    </message>
    <message>
        <source>Lesson 7: rebuilding private images from a shared gradient</source>
        <translation type="unfinished">Lesson 7: rebuilding private images from a shared gradient</translation>
    </message>
    <message>
        <source>Attack done: see the Privacy tab</source>
        <translation type="unfinished">Attack done: see the Privacy tab</translation>
    </message>
    <message>
        <source>The captured push could not be kept: %1</source>
        <translation type="unfinished">The captured push could not be kept: %1</translation>
    </message>
    <message>
        <source>The server kept worker %1&apos;s push of step %2: attack it in the Privacy tab</source>
        <translation type="unfinished">The server kept worker %1&apos;s push of step %2: attack it in the Privacy tab</translation>
    </message>
    <message>
        <source>%1 %2: attack PSNR %3 dB, SSIM %4, test accuracy %5% (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in this process</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropertyLessonView</name>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8c: what the server infers about a worker&apos;s batch from its gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8c finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8c: the server told the victim&apos;s batches apart with AUC %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Cannot export %1: %2</source>
        <translation>Cannot export %1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a table DistLab writes</source>
        <translation>&quot;%1&quot; is not a table DistLab writes</translation>
    </message>
    <message>
        <source>Cannot write the report: %1</source>
        <translation>Cannot write the report: %1</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Run on</translation>
    </message>
    <message>
        <source>Final test accuracy</source>
        <translation>Final test accuracy</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>not evaluated</translation>
    </message>
    <message>
        <source>Final test loss</source>
        <translation>Final test loss</translation>
    </message>
    <message>
        <source>Bytes sent (both ways)</source>
        <translation>Bytes sent (both ways)</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Wall time</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Worker deaths</source>
        <translation>Worker deaths</translation>
    </message>
    <message>
        <source>Updates applied by the server</source>
        <translation>Updates applied by the server</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no (stopped or still running)</source>
        <translation>no (stopped or still running)</translation>
    </message>
    <message>
        <source>DistLab report: %1</source>
        <translation>DistLab report: %1</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the HTML language code of this translation</comment>
        <translation>en</translation>
    </message>
    <message>
        <source>The experiment and the summary as JSON:</source>
        <translation>The experiment and the summary as JSON:</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <source>This run has no %1</source>
        <translation>This run has no %1</translation>
    </message>
    <message>
        <source>Cannot export the trace: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultNames</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak activation memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adversarial examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adversarial training, summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy under attack, by ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggregation methods, by round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggregation methods, summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attack, by iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilt images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step of each method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each client&apos;s path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people (data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline bubbles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shards within layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who owns which neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton against model averaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Averaging and convexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property inference, by round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client rules compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client rules compared, by round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federated learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protections compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy against utility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per step, server against ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per step, ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter server against ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the rule did with each worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacks against rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class after the attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence after the attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attack accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attack PSNR (dB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attack SSIM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attacker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attackers&apos; score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss of the averaged model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backdoor success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes down a client a round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes from the workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes sent a process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes to the workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes up a client a round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one machine: a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one machine: b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy on clean images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class before the attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence before the attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clients a round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss of the ensemble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient: a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient: b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient averaging: a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient averaging: b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient distance</source>
        <translation type="unfinished">gradient distance</translation>
    </message>
    <message>
        <source>has the property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>honest workers&apos; score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clients&apos; mean loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>members&apos; mean loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean PSNR (dB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>micro-batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model: a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model: b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model averaging: a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model averaging: b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model bytes a process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak activation bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipeline (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share with the property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server: seconds a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server&apos;s link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server&apos;s link (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server: a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server: a worker sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server: a worker sends (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes uncompressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovered label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring: seconds a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring: a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring: a worker (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring: a worker sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring: a worker sends (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy under attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>examples a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds a round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secure aggregation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server learns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server&apos;s ms a round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shadow examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished">start</translation>
    </message>
    <message>
        <source>start: a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start: b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>theory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>theory for these stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient averaging</source>
        <translation type="unfinished">gradient averaging</translation>
    </message>
    <message>
        <source>model averaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random skeleton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within layers (theory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within layers (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1F1B (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPipe (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utility measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>height (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushes clipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushes left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushes judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushes kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain mean over the clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trained run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RingLessonView</name>
    <message>
        <source>All-reduce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 4c: bytes each worker sends a step, parameter server against ring, by worker count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 4c: %1 workers summed their gradients round a ring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <source>Epoch %1 of %2 (update %3, %4 s): test accuracy %5%, %6 samples/s</source>
        <translation type="unfinished">Epoch %1 of %2 (update %3, %4 s): test accuracy %5%, %6 samples/s</translation>
    </message>
    <message>
        <source>Ready: press Run (F5) to train</source>
        <translation type="unfinished">Ready: press Run (F5) to train</translation>
    </message>
    <message>
        <source>workers alive: %1 / %2</source>
        <translation type="unfinished">workers alive: %1 / %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished">paused</translation>
    </message>
    <message>
        <source>epoch %1 / %2</source>
        <translation type="unfinished">epoch %1 / %2</translation>
    </message>
    <message>
        <source>Finished: test accuracy %1%, %2 samples/s</source>
        <translation type="unfinished">Finished: test accuracy %1%, %2 samples/s</translation>
    </message>
    <message>
        <source>processes alive: %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1 of %2 (%3 s): test accuracy %4%, %5 samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 examples of lost workers&apos; shares untrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityLessonView</name>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8: the server&apos;s verdict on every push, and whether the attack got through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson 8: %1 under %2 reached %3% test accuracy; %4 runs compared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpecProblems</name>
    <message>
        <source>%1 has the wrong type (%2); expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected one of the strings %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a list of integers from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the wrong type (%2); expected a list of numbers from %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed; expected a list of two numbers [low, high]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: integers from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: integers &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: &gt;= %2 and &lt;= %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: &gt; %2 and &lt;= %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range; allowed: numbers from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed; allowed values: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1 bytes long; allowed: at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has %1 items; allowed: at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key; allowed keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key; allowed keys: %1; did you mean %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has %1 entries; allowed: none (all workers alike) or one per worker (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;lenet5&quot; needs an image data set (fashion-mnist, mnist or cifar10); dataset.name is &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs class labels; the height-weight data set is a regression, allowed: mse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low must be below high; got [%1, %2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too few; allowed: 0 (default) or at least 2 per class (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too strong for %2; allowed: 0 to below %3 (topk would prune everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs each example&apos;s gradient; in a cluster run allowed: none, noise, topk, fp16, int8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defends gradient pushes; cluster.sync &quot;%1&quot; pushes models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>masks cancel only in the sum of a whole round; allowed with a cluster.sync that gathers rounds: bsp or local-sgd (is &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sees only the round&apos;s sum; cluster.model_aggregation &quot;%1&quot; needs each model (allowed: average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs at least 2 cluster.workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local SGD pushes models, not gradients; the attack needs a cluster.sync that pushes gradients: bsp, asp or ssp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; combines whole models; it needs cluster.sync &quot;local-sgd&quot; (is &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ensembles average class probabilities; the height-weight data set is a regression, allowed: average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 would declare live workers dead; allowed: more than cluster.heartbeat_ms (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; splits by class label; the height-weight data set has none, allowed: shuffle-split, with-replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the lesson&apos;s data; experiment &quot;%2&quot; allows: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the lesson&apos;s model; experiment &quot;%2&quot; allows: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed with experiment &quot;averaging&quot;; allowed: shuffle-split (people in their order), shards (sorted by height)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people cannot be split %2 ways in these proportions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not attacked yet; experiment &quot;inversion&quot; allows: mlp, lenet5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient inversion needs a classification data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no image to attack; allowed: 1 to 8 test-set indices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is past the data set&apos;s %2 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the captured push holds %1 examples; %2 rebuilds at most %3 (capture a run with training.batch_size &lt;= %3, or use privacy.attack analytic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the capture holds %1 parameters; the spec&apos;s model has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attack&apos;s lenet5 takes 28x28 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is implemented for the MLP only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name a defense (privacy.defense) and the strengths to try (privacy.sweep_strengths, e.g. [0.001, 0.01, 0.1])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; changes the values; secure aggregation&apos;s masks cancel only in the exact words, allowed: float32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stages need at least %1 layers; the %2 network has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 micro-batches need at least %1 examples a batch; training.batch_size is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names the first layer of each stage after the first: %1 numbers for %2 stages, %3 given (empty: balanced by cost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must rise and stay below %2, the network&apos;s layer count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shards are more than the %2 neurons of the network&apos;s narrowest layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no hidden layer of neurons to choose from; the skeleton partition needs an mlp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 clients cannot fill %2 worker processes; allowed: at least %2 clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a round cannot take %1 of %2 clients; allowed: at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a round cannot get %1 results from %2 clients; allowed: at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty; the attack &quot;%1&quot; needs at least one malicious worker rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names worker %1 twice; allowed: each rank once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 workers are malicious; allowed: fewer than half (no rule survives a malicious majority)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; changes class labels; the height-weight data set is a regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; estimates the honest gradient; it needs a cluster.sync that pushes gradients: bsp, asp or ssp (is &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a class of the data set; allowed: 0 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; compares a whole round&apos;s pushes; allowed with a cluster.sync that gathers rounds: bsp or local-sgd (is &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must see each push; with privacy.secure_aggregation the server sees only their sum (allowed: mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; combines pushes into one model; cluster.model_aggregation &quot;%2&quot; keeps each (allowed: average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names %1; allowed: 0 to %2 (worker ranks; in a federated run, client ids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; with f = %2 needs at least %3 pushes a round; a round has %4 (cluster.workers, or a federated round&apos;s sampled clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names no worker of the run; the property attack needs a victim, allowed: 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rounds are too few to score the attack; allowed: at least %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lesson compares with secure aggregation, whose round sums need cluster.sync &quot;bsp&quot; (is &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server reads a round&apos;s sum from its step; allowed: training.optimizer sgd with no momentum and no weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; loses nothing to feed back; allowed with a cluster.encoder that changes the values: fp16, int8, topk, randk, qsgd, sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feeds back what a gradient push left out; cluster.sync &quot;%1&quot; pushes models (allowed: bsp, asp, ssp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s shadow gradients are plain cross-entropy gradients; allowed: training.loss cross-entropy and adversarial.training none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>masks a cluster run&apos;s pushes; allowed with experiment cluster, federated or property (or inversion, for its cluster-trained privacy-utility runs), not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sees only the round&apos;s sum; %1 needs each client&apos;s update (allowed with secure aggregation: fl.algorithm fedavg or fedprox, fl.late wait or drop, security.aggregator mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clips every update and averages them; security.aggregator &quot;%1&quot; combines them otherwise (allowed with privacy.dp: mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and privacy.secure_aggregation both hide the updates; allowed: one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed; allowed: an even number of bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clips each worker&apos;s gradient push; cluster.sync &quot;%1&quot; pushes models (allowed: bsp, asp, ssp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>central: the server adds noise to a round&apos;s sum; cluster.sync &quot;%1&quot; applies each push on arrival (allowed: bsp; local DP works with any gradient sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; encodes a client&apos;s update only, and SCAFFOLD&apos;s control variates would travel whole (allowed with fl.algorithm scaffold: float32)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key holder decrypts only the sum of a whole round; allowed with a cluster.sync that gathers rounds: bsp or local-sgd (is &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; re-encodes the update, but an encrypted push is its own encoding; allowed with privacy.homomorphic: float32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server cannot read an encrypted push, so there is nothing to capture; allowed with privacy.homomorphic: -1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only workers the coordinator starts can be started again; allowed with cluster.launch_workers false: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a dropped-out worker of a secure-aggregation run cannot return (its mask key is rebuilt by the others); allowed with privacy.secure_aggregation: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoints continue a cluster run; allowed with experiment cluster, not &quot;%1&quot; (allowed otherwise: 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keys of a secure or homomorphic run live only in its processes, so a checkpoint could not continue it; allowed with privacy.secure_aggregation or privacy.homomorphic: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a parameter server, and cluster.sync &quot;allreduce&quot; has none (allowed with it: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only experiment &quot;cluster&quot; trains without a server; allowed with experiment &quot;%1&quot;: bsp, asp, ssp, local-sgd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neurons balances the stages by cost; allowed with it: model_parallel.boundaries empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1, %2] overflows the first forward pass; allowed: bounds from -%3 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a worker; allowed: -1 (none) to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; allowed: an IPv4 or IPv6 address, e.g. 127.0.0.1 or 0.0.0.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 picks; allowed: 0 (n - f) to %2, the pushes a round minus the attackers assumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 clients for %2 people; allowed: at most %2, each client holds someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 parts of %2 training rows would leave some without data; allowed: at most %3 (or more rows: dataset.samples, dataset.train_limit)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpecSchema</name>
    <message>
        <source>Combine pushes by</source>
        <translation type="unfinished">Combine pushes by</translation>
    </message>
    <message>
        <source>weighted-mean: each worker&apos;s update counts by its number of examples (the gradient of all the data); mean: every worker counts the same, which is wrong when their data sizes differ.</source>
        <translation type="unfinished">weighted-mean: each worker&apos;s update counts by its number of examples (the gradient of all the data); mean: every worker counts the same, which is wrong when their data sizes differ.</translation>
    </message>
    <message>
        <source>Bandwidth per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A slow link: e.g. 100, 0, 0, 0 caps worker 0&apos;s link (0 or empty: no cap).</source>
        <translation type="unfinished">A slow link: e.g. 100, 0, 0, 0 caps worker 0&apos;s link (0 or empty: no cap).</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address the coordinator listens on: 127.0.0.1 for this machine only, 0.0.0.0 for workers on other machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with-replacement (and lesson 1&apos;s client sizes): each worker&apos;s relative share of the data, e.g. 2, 1 (empty: equal shares).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dirichlet alpha</source>
        <translation type="unfinished">Dirichlet alpha</translation>
    </message>
    <message>
        <source>dirichlet partitioning: small values give each worker few classes (non-IID).</source>
        <translation type="unfinished">dirichlet partitioning: small values give each worker few classes (non-IID).</translation>
    </message>
    <message>
        <source>True-label weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ensemble-compression: the weight of the true labels&apos; loss beside the soft targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distillation steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ensemble-compression: the student&apos;s SGD steps per round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distillation temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ensemble-compression: how much the ensemble&apos;s soft targets are softened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with-replacement: examples drawn in all, as a multiple of the training set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation type="unfinished">Evaluate every</translation>
    </message>
    <message>
        <source>Test the global model after this many server updates.</source>
        <translation type="unfinished">Test the global model after this many server updates.</translation>
    </message>
    <message>
        <source>Handshake timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time a new connection has to prove it knows the run&apos;s token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often a worker says it is alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the coordinator waits for every worker to join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the worker processes here; off: wait for workers started by hand on other machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local steps</source>
        <translation type="unfinished">Local steps</translation>
    </message>
    <message>
        <source>local-sgd: steps each worker takes between two model averages.</source>
        <translation type="unfinished">local-sgd: steps each worker takes between two model averages.</translation>
    </message>
    <message>
        <source>Combine models by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local-sgd: what the server makes of the round&apos;s models: average (MA-DNN), ensemble (E-DNN: their mean prediction) or ensemble-compression (EC-DNN: the ensemble distilled into one model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data partitioning</source>
        <translation type="unfinished">Data partitioning</translation>
    </message>
    <message>
        <source>Peer timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence after which a worker counts as dead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port the coordinator listens on (0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reshuffle every</source>
        <translation type="unfinished">Reshuffle every</translation>
    </message>
    <message>
        <source>Draw a new split every this many epochs (the lecture&apos;s periodic reshuffle).</source>
        <translation type="unfinished">Draw a new split every this many epochs (the lecture&apos;s periodic reshuffle).</translation>
    </message>
    <message>
        <source>Shards per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shards partitioning: how many label-sorted shards each worker gets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowdown per worker</source>
        <translation type="unfinished">Slowdown per worker</translation>
    </message>
    <message>
        <source>A straggler: e.g. 3, 1, 1, 1 makes worker 0 compute three times slower (empty: none).</source>
        <translation type="unfinished">A straggler: e.g. 3, 1, 1, 1 makes worker 0 compute three times slower (empty: none).</translation>
    </message>
    <message>
        <source>Staleness bound</source>
        <translation type="unfinished">Staleness bound</translation>
    </message>
    <message>
        <source>ssp: how many steps a worker may be ahead of the slowest.</source>
        <translation type="unfinished">ssp: how many steps a worker may be ahead of the slowest.</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation type="unfinished">Synchronization</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished">Workers</translation>
    </message>
    <message>
        <source>Worker processes; each trains on its own part of the data.</source>
        <translation type="unfinished">Worker processes; each trains on its own part of the data.</translation>
    </message>
    <message>
        <source>Blob classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blobs: how many classes of points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set</source>
        <translation type="unfinished">Data set</translation>
    </message>
    <message>
        <source>The examples every worker learns from.</source>
        <translation type="unfinished">The examples every worker learns from.</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic sets: how noisy the examples are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standardize: every feature shifted and scaled by the training set&apos;s mean and deviation; none: as stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of the data set&apos;s files; empty: where Debian&apos;s package puts them (cifar10 needs one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic sets (height-weight, blobs, spirals): examples in all (0: the set&apos;s default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic sets: the share of the examples held out for testing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test on only the first N test examples (0: all of them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished">all</translation>
    </message>
    <message>
        <source>Training examples</source>
        <translation type="unfinished">Training examples</translation>
    </message>
    <message>
        <source>Use only the first N training examples (0: all of them).</source>
        <translation type="unfinished">Use only the first N training examples (0: all of them).</translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the experiment shows, in a few sentences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished">Experiment</translation>
    </message>
    <message>
        <source>What a run does: cluster trains on a real cluster; averaging (lesson 1), aggregation and convexity (lesson 5) and inversion (lesson 7) are the lessons&apos; own experiments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished">Activation</translation>
    </message>
    <message>
        <source>The nonlinearity after each hidden layer.</source>
        <translation type="unfinished">The nonlinearity after each hidden layer.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished">Network</translation>
    </message>
    <message>
        <source>mlp: fully connected layers; lenet5: a small convolutional network; linear: one layer (the lecture&apos;s linear regression).</source>
        <translation type="unfinished">mlp: fully connected layers; lenet5: a small convolutional network; linear: one layer (the lecture&apos;s linear regression).</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation type="unfinished">Hidden layers</translation>
    </message>
    <message>
        <source>Units of each hidden layer of the mlp, e.g. 256, 128.</source>
        <translation type="unfinished">Units of each hidden layer of the mlp, e.g. 256, 128.</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the first weights are drawn: he and xavier scale by the layer&apos;s size; uniform draws from the uniform range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uniform range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform initialization: the weights&apos; low and high bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiment&apos;s title, shown above the charts and in reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack</source>
        <translation type="unfinished">Attack</translation>
    </message>
    <message>
        <source>How the server rebuilds the images from a gradient: dlg fits dummy images and labels, idlg reads the label first, analytic inverts a first dense layer exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack a capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack the push captured in this folder instead of the test images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server keeps this worker&apos;s push of the capture step for the attack (-1: none), as an honest-but-curious server would.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dp: each example&apos;s gradient is clipped to this L2 norm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the worker does to its gradient before sharing it: noise, topk (prune the smallest), fp16 or int8 (round), dp (clip each example and add noise), local-steps (share a model after several steps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defense strength</source>
        <translation type="unfinished">Defense strength</translation>
    </message>
    <message>
        <source>noise: its standard deviation; topk: the share pruned; dp: the noise multiplier; local-steps: the steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the attack compares its dummy gradient with the shared one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacked images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test-set indices of the private images, attacked together as one batch (1 to 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attack&apos;s optimizer iterations per start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack step size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adam: the attack&apos;s step size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the attack fits its dummy images: lbfgs (as in the DLG paper) or adam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Independent starts of the attack; the best match wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure aggregation</source>
        <translation type="unfinished">Secure aggregation</translation>
    </message>
    <message>
        <source>Strengths to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The privacy-utility chart: the defense strengths tried after none, e.g. 0.001, 0.01, 0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothness prior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight of a total-variation prior that favours smooth images (0: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utility measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the defended model is trained for the privacy-utility chart: in-process (fast) or on a real cluster of this spec, every worker defending its pushes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every random choice (first weights, data order, splits) follows from it: the same seed gives the same run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished">Batch size</translation>
    </message>
    <message>
        <source>Examples in one worker&apos;s mini-batch: one gradient per push.</source>
        <translation type="unfinished">Examples in one worker&apos;s mini-batch: one gradient per push.</translation>
    </message>
    <message>
        <source>Adam beta1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adam: how slowly the mean of the gradients forgets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam beta2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adam: how slowly the mean of their squares forgets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop last batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip an epoch&apos;s last batch when it is smaller than the batch size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished">Epochs</translation>
    </message>
    <message>
        <source>Passes of every worker over its share of the data.</source>
        <translation type="unfinished">Passes of every worker over its share of the data.</translation>
    </message>
    <message>
        <source>Adam epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adam: added to the denominator so a step never divides by zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished">Loss</translation>
    </message>
    <message>
        <source>cross-entropy for classes; mse (mean squared error) for a regression such as height-weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished">Learning rate</translation>
    </message>
    <message>
        <source>The step size (lambda in the lecture).</source>
        <translation type="unfinished">The step size (lambda in the lecture).</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sgd: heavy-ball momentum (0: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished">Optimizer</translation>
    </message>
    <message>
        <source>How the parameter server turns averaged gradients into a step.</source>
        <translation type="unfinished">How the parameter server turns averaged gradients into a step.</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit the training examples in a new order every epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An L2 penalty added to the gradient, as in PyTorch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version of the spec format; this build reads version 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first layer of each stage after the first, e.g. 2, 4 (empty: balanced by estimated cost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the model assembled from the stages after this many updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch is cut into this many micro-batches so the stages can work at once; the gradients are summed and one update is made per batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gpipe: every micro-batch forward, then every one backward; 1f1b: one forward, one backward once the pipeline is full, which holds fewer activations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage processes, each owning consecutive layers of the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates in all (0: training.epochs passes over the training set).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bubble study: micro-batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The micro-batch counts the bubble study measures for each stage count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bubble study: stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stage counts the bubble study measures after training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bubble study: updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates per pair of the bubble study, which measures the idle share of every stage beside the theory (p-1)/(m+p-1) (0: no study).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the network is split over processes: pipeline gives each stage consecutive layers (by layers) and stages pass activations forward and errors back; tensor gives each shard a block of every layer&apos;s neurons (within layers) and shards gather each layer&apos;s outputs and sum its input errors; skeleton gives each worker a sub-network (a skeleton of important neurons plus random ones) to train, and merges them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reselect every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skeleton: rounds between two choices of the skeleton and the sub-networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skeleton: share of the other neurons each worker adds to the skeleton, drawn at random for each worker (1: the whole network, which is model averaging).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skeleton: share of each hidden layer&apos;s neurons in the skeleton every worker trains (the most important: the largest incoming times outgoing weights).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tensor: processes, each holding a block of every layer&apos;s neurons (channels); skeleton: workers, each training a sub-network on its share of the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedavg: plain local SGD; fedprox: plus mu/2 ||w - w_global||^2, which keeps a client near the global model; scaffold: each step corrected by control variates, which removes the drift of non-IID clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server beta1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedavgm&apos;s momentum; the adaptive optimizers&apos; first-moment rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server beta2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedadam and fedyogi: the second-moment rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated clients, each owning its share of the training data (split by cluster.partition); the worker processes host them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the global model after this many rounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients a round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the clients sampled at random to train each round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD steps a sampled client takes on its own data before it sends its model back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A round samples at least this many clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proximal weight mu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedprox: the weight of the proximal term (0: FedAvg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds of sampling, local training and aggregation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server optimizer&apos;s step size (fedavg with 1: the weighted mean of the clients&apos; models).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the server moves the global model by the clients&apos; weighted mean update: fedavg (by it), fedavgm (with momentum), fedadagrad, fedadam, fedyogi (adaptive steps, Reddi et al.).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server tau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adaptive optimizers&apos; smallest denominator: larger is more cautious.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shuffle-split: every example goes to exactly one worker; with-replacement: each worker samples at random, some examples are never seen; dirichlet and shards: non-IID splits by label; quantity-skew: parts of very different sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity-skew partitioning: how unequal the parts&apos; sizes are (log-normal; 0: equal, 1: the largest often ten times the smallest).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chance that a client is online in a round; the server samples only online clients (1: always online).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a round waits, in round times of a client of slowdown 1: a client with a larger slowdown is late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop-out chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chance that a sampled client goes offline in the middle of its round: its work is lost; it may be sampled again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a round does with clients slower than the deadline: wait for them; drop their updates; or use them in the next round (stale by one round).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewest results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A round moves the global model only with at least this many client updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry: how many new samples a round tries before it is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients&apos; slowdowns are log-normal with this sigma around 1 (0: all equally fast); a client keeps its speed for the whole run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed slowdowns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each client&apos;s slowdown, repeated over the clients (e.g. 1, 1, 4: every third is four times slower); not empty: used instead of the speed spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A round with fewer results: retry samples other clients; skip leaves the model as it was and goes to the next round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the run, the same rounds on the same seed and clients with the other client rules (fedavg, fedprox, scaffold) and with IID data (shuffle-split): their test accuracy round by round, overlaid in the Federated tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over its own data a sampled client makes each round (McMahan&apos;s E), in batches of training.batch_size; 0: fl.local_steps steps instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use local steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients a round (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the online clients are sampled each round, instead of a share of them (0: the share fl.fraction).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use the share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients&apos; batch sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each client&apos;s own batch size, repeated over the clients (e.g. 10, 50: every other client takes batches of 50); empty: training.batch_size for every client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How parameters and updates reach a worker on this machine: shared-memory sends each frame&apos;s fields over TCP and leaves its floats in memory both processes map (fewer copies, as MPI and NCCL do between local processes); tcp sends every byte through the socket. Workers on other machines always use TCP. The traffic view counts the same bytes either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server&apos;s rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the server combines a round&apos;s pushes: the mean, or a rule that resists malicious pushes (coordinate-wise median or trimmed mean; Krum, Multi-Krum and Bulyan leave out far pushes; norm and centred clipping bound them); bsp or local-sgd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attackers assumed (f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many malicious pushes Krum, Multi-Krum and Bulyan are built to survive (-1: as many as there are attackers); Krum needs 2f + 3 workers, Bulyan 4f + 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attackers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the malicious workers do: label-flip and backdoor poison their data; model-replacement is the backdoor boosted; sign-flip, scale, gaussian, alie and ipm change the update they push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attack&apos;s knob (0: its default): sign-flip and scale the factor (4, 10), model-replacement the boost (the worker count), gaussian the deviation (1), alie z (from the worker and attacker counts), ipm epsilon (0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malicious workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ranks of the workers that attack (they collude); the others are honest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backdoor target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class a stamped image (a small bright square in its corner) should be taken for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipping bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm-clip: pushes longer than this are scaled down to it; centered-clip: the same for their distance to the last aggregate (0: the round&apos;s median).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the run, the same training again on the same seed: rules runs every server rule with this attack and without one; grid runs every rule against every attack. Final accuracy and backdoor success in a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-Krum picks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multi-krum: how many of the best-scored pushes are averaged (0: n - f).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n - f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poisoned share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of a malicious worker&apos;s batch that gets the trigger and the target label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trimmed share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trimmed-mean: the share of values cut at each end of every coordinate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evasion attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How test inputs are moved to fool the trained model: fgsm (one step of the whole budget) or pgd (several projected steps from a random start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare trainings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train once with each way (none, pgd, input-gradient) on the same seed and compare their clean and robust accuracy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perturbation budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ball&apos;s radius in the data&apos;s units (pixels from 0 to 1): of the attack shown and of adversarial training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The robust-accuracy curve: the attack at each of these radii (0: clean).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input-gradient: lambda, the weight of the mean squared input-gradient norm in the loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perturbation ball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linf: every pixel moves at most epsilon; l2: the whole change is at most epsilon long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PGD starts from a random point of the ball instead of the input itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test images shown as original, adversarial and magnified perturbation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PGD step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size of each PGD step (0: 2.5 x epsilon / steps, as Madry et al.).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2.5 epsilon / steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PGD steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attack&apos;s projected gradient steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attacked examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many test examples are attacked for each point of the curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training PGD steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pgd training: the steps of the PGD that crafts each training batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robust training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the workers train: none; pgd (adversarial training: each step on PGD examples of the current model, Madry et al.); input-gradient (the input gradient&apos;s norm penalised, double backpropagation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attack a trained run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run folder of a model trained before (its spec.json and params.f32): the lesson attacks that model instead of training (empty: train).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushes kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the capture worker&apos;s pushes the server keeps, one a step from the capture step on (the property attack reads every one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step whose push is kept (the first, with more pushes kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inferred property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The property the server infers from the victim&apos;s pushes: its batch contains an example of this class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shadow batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches of its own data the server takes a gradient of at each captured round, half with the property and half without, to train its meta-classifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of values sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>topk, randk: the share of the update&apos;s values a push carries, e.g. 0.01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How a worker&apos;s update travels to the server: float32 as computed (4 bytes a value), fp16 (2 bytes), int8 (1 byte and a scale), topk (only the largest values, with their indices), randk (values at random, unbiased), qsgd (a few random levels a value, unbiased) or sign (1 bit a value and a scale); fewer bytes on the wire for a less exact update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QSGD levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qsgd: levels per sign; each value takes ceil(log2(2s + 1)) bits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k shares to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson also runs top-k with error feedback at each of these shares of the values, e.g. 0.1, 0.001: points along the bytes-accuracy front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differential privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update clip norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DP delta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dp: epsilon is reported at this delta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dp: the Gaussian noise&apos;s standard deviation over the clip norm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure aggregation threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the protections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homomorphic encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paillier key bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>homomorphic: the size of the key&apos;s modulus n (2048: about 112-bit security).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the run, the same rounds on the same seed and clients with each protection of the updates: none, local DP, central DP, secure aggregation, secure aggregation with central DP (privacy.noise_multiplier, privacy.dp_clip), and one round of Paillier encryption (privacy.paillier_bits): accuracy, epsilon, bytes, server time and what the server learns, in the Federated tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every update (a worker&apos;s gradient push, a federated client&apos;s model change) is clipped, then the server adds Gaussian noise to the round&apos;s sum (central) or each worker or client to its own update (local); epsilon is reported as training goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dp: each worker&apos;s gradient push or client&apos;s update is clipped to this L2 norm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each worker adds what its encoder left out of its last pushes to the next one, so a biased encoder (topk, sign) loses nothing for good (in federated rounds, each client its own).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the workers (cluster) or of a round&apos;s clients (federated) that must survive to rebuild the dropped ones&apos; mask keys; fewer and nothing is unmasked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates are masked with pairwise secrets (X25519) that cancel in the round&apos;s sum: the server learns only the aggregate. Survives workers or clients that drop out after sharing their keys: the survivors rebuild their mask keys from Shamir shares (Bonawitz et al.). Cluster: bsp or local-sgd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each worker (cluster: bsp or local-sgd) or client (federated) encrypts its update with Paillier; the server multiplies the ciphertexts into the encrypted sum without reading any update, and worker 0, the key holder, decrypts only the sum. Slow: milliseconds a ciphertext, about 30 values a ciphertext at 2048 bits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times a lost worker process is started again; it rejoins at the current step. 0: its remaining data share goes untrained, and the run says how many examples that was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server updates between checkpoints of the run (checkpoint.bin in the run folder): `distlab-engine run --resume RUN` continues from the last one after a crash. 0: no checkpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare server and ring at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allreduce: after training, the lesson times a few steps of BSP on a parameter server and of the ring at each of these worker counts (e.g. 2, 4, 8) and measures the bytes each worker sends; empty: no comparison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bsp: a barrier every step; asp: no waiting, updates applied as they come; ssp: the fastest may run ahead of the slowest by at most the staleness bound; local-sgd: local steps, then the models are combined; allreduce: no server, the workers sum their gradients round a ring (Horovod) and each takes the same step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pieces per ring chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allreduce: each worker&apos;s chunk of the sum travels round the ring in this many pieces, each passed on as soon as it arrives (a pipeline, as in NCCL). The plain ring already keeps every link busy at each step, so on even links it gains little; each piece is one more frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight gradients</source>
        <translation type="unfinished">Weight gradients</translation>
    </message>
    <message>
        <source>each: a stage computes a micro-batch&apos;s weight gradients in its backward pass, as in GPipe and 1F1B; grouped: it sends the errors on first and computes the weight gradients of several micro-batches later in one product (zero-bubble pipelines): faster, and the idle share falls below (p-1)/(m+p-1).</source>
        <translation type="unfinished">each: a stage computes a micro-batch&apos;s weight gradients in its backward pass, as in GPipe and 1F1B; grouped: it sends the errors on first and computes the weight gradients of several micro-batches later in one product (zero-bubble pipelines): faster, and the idle share falls below (p-1)/(m+p-1).</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layers: each stage owns whole layers; neurons: the stages&apos; estimated work is made even by cutting a Dense layer between two stages by its output neurons (the stage before sends the layer&apos;s input beside its neurons&apos; outputs).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageSettingText</name>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings not recorded (a run from an older version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepRunner</name>
    <message>
        <source>Give the values of %1, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; are not values this field takes (numbers, true or false, [lists] or the field&apos;s choices, separated by commas).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is varied twice: vary two different fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a field to vary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid experiment at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs are too many for one sweep (at most %2): use fewer values or repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder the runs go to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a sweep already: choose another folder, so nothing of it is overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep&apos;s folder %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>The scale %1 is not allowed; allowed: 1 to 4</source>
        <translation>The scale %1 is not allowed; allowed: 1 to 4</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a picture format DistLab writes; allowed: png, svg, pdf</source>
        <translation>&quot;%1&quot; is not a picture format DistLab writes; allowed: png, svg, pdf</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About DistLab</source>
        <translation type="unfinished">About DistLab</translation>
    </message>
    <message>
        <source>DistLab: a lab for learning distributed training of neural networks.</source>
        <translation type="unfinished">DistLab: a lab for learning distributed training of neural networks.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished">&amp;File</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation type="unfinished">L&amp;essons</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished">&amp;Run</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished">&amp;Language</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished">&amp;View</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished">&amp;Presentation mode</translation>
    </message>
    <message>
        <source>Larger text for a projector (F11)</source>
        <translation type="unfinished">Larger text for a projector (F11)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation type="unfinished">&amp;Dark theme</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished">&amp;Help</translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished">Run</translation>
    </message>
    <message>
        <source>&amp;New experiment</source>
        <translation type="unfinished">&amp;New experiment</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished">&amp;Quit</translation>
    </message>
    <message>
        <source>Run the current lesson&apos;s experiment on real processes (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished">Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished">Pause</translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished">Step</translation>
    </message>
    <message>
        <source>While paused: every worker takes one more step, one round of a synchronous run (F10)</source>
        <translation type="unfinished">While paused: every worker takes one more step, one round of a synchronous run (F10)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished">Stop</translation>
    </message>
    <message>
        <source>Stop the run and every worker process (Esc)</source>
        <translation type="unfinished">Stop the run and every worker process (Esc)</translation>
    </message>
    <message>
        <source>&amp;About DistLab</source>
        <translation type="unfinished">&amp;About DistLab</translation>
    </message>
    <message>
        <source>Parameter &amp;sweep...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the experiment once for every combination of values of one or two fields, and chart a final figure against them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold every worker before its next step, or let them go on (F6). Pressed before Run: the run starts held</source>
        <translation type="unfinished">Hold every worker before its next step, or let them go on (F6). Pressed before Run: the run starts held</translation>
    </message>
</context>
<context>
    <name>distlab::app::ClusterViews</name>
    <message>
        <source>%1 clients this round</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::app::ControlChannel</name>
    <message>
        <source>the connection ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent what this window cannot read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::app::FileActions</name>
    <message>
        <source>Export view</source>
        <translation type="unfinished">Export view</translation>
    </message>
    <message>
        <source>PNG picture, 2x (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished">PNG picture, 2x (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Export report into folder</source>
        <translation type="unfinished">Export report into folder</translation>
    </message>
    <message>
        <source>&amp;Open experiment...</source>
        <translation type="unfinished">&amp;Open experiment...</translation>
    </message>
    <message>
        <source>&amp;Save experiment</source>
        <translation type="unfinished">&amp;Save experiment</translation>
    </message>
    <message>
        <source>Save experiment &amp;as...</source>
        <translation type="unfinished">Save experiment &amp;as...</translation>
    </message>
    <message>
        <source>&amp;Export view...</source>
        <translation type="unfinished">&amp;Export view...</translation>
    </message>
    <message>
        <source>Save the view on show as a PNG, SVG or PDF for a report</source>
        <translation type="unfinished">Save the view on show as a PNG, SVG or PDF for a report</translation>
    </message>
    <message>
        <source>Export &amp;report...</source>
        <translation type="unfinished">Export &amp;report...</translation>
    </message>
    <message>
        <source>Write a folder with every view as PNG and SVG, the data as CSV, the spec and a report.html</source>
        <translation type="unfinished">Write a folder with every view as PNG and SVG, the data as CSV, the spec and a report.html</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation type="unfinished">Save experiment</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation type="unfinished">Experiment specs (*.json)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished">Cannot save %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished">Saved %1</translation>
    </message>
    <message>
        <source>There is no data yet: run the experiment first.</source>
        <translation type="unfinished">There is no data yet: run the experiment first.</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation type="unfinished">Export data</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished">Export report</translation>
    </message>
    <message>
        <source>There is nothing to report yet: run the experiment first.</source>
        <translation type="unfinished">There is nothing to report yet: run the experiment first.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished">Cannot create the folder %1</translation>
    </message>
    <message>
        <source>Writing the report: %1 (%2 of %3)</source>
        <translation type="unfinished">Writing the report: %1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished">Report written to %1</translation>
    </message>
    <message>
        <source>Export picture (PNG, SVG or PDF)...</source>
        <translation type="unfinished">Export picture (PNG, SVG or PDF)...</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished">PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Scale (1x to 4x):</source>
        <translation type="unfinished">Scale (1x to 4x):</translation>
    </message>
    <message>
        <source>Export the picture (%1)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data as CSV (%1)...</source>
        <translation type="unfinished">Export data as CSV (%1)...</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished">PNG image (*.png)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished">CSV table (*.csv)</translation>
    </message>
    <message>
        <source>Run the experiment first</source>
        <translation type="unfinished">Run the experiment first</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation type="unfinished">Open experiment</translation>
    </message>
    <message>
        <source>Export as a trace for Perfetto (JSON)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1: open it in ui.perfetto.dev or chrome://tracing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a run folder (holding events.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;run...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a finished run from its folder: one the window, distlab-engine run or a sweep wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent experiments and runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (run folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the run whose folder this is (holding events.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow a running cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s token (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow a running cluster...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch and steer a run started elsewhere (distlab-engine run, or mpirun ... distlab-engine mpi) from its folder, with its token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::app::LogTail</name>
    <message>
        <source>line %1 of the log: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::app::MainWindow</name>
    <message>
        <source>DistLab - Distributed Learning Lab</source>
        <translation>DistLab - Distributed Learning Lab</translation>
    </message>
    <message>
        <source>Cannot open the experiment</source>
        <translation>Cannot open the experiment</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>The run failed: %1</translation>
    </message>
    <message>
        <source>The run failed</source>
        <translation>The run failed</translation>
    </message>
    <message>
        <source>Stopped at epoch %1</source>
        <translation>Stopped at epoch %1</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>The experiment has problems: see the fields marked in red</source>
        <translation>The experiment has problems: see the fields marked in red</translation>
    </message>
    <message>
        <source>New experiment</source>
        <translation>New experiment</translation>
    </message>
    <message>
        <source>The engine&apos;s stream broke off (%1); the run goes on unseen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting: %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training engine stopped unexpectedly (exit code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no readable spec.json: the records are shown without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its log ends before the run did (it was cut short, or is still running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the sweep in %1: its runs are in the Runs panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep stopped after %1 of %2 runs; its table keeps them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep cannot run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep finished: %1 runs in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep run %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, about %3 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its log has a line that cannot be read (%1): what came before it is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot follow the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following the run in %1 (Stop asks it to stop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following the log of the run in %1 (it takes no commands: Stop only stops following)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next run starts paused: Step runs one round, Resume lets it train</source>
        <translation type="unfinished">The next run starts paused: Step runs one round, Resume lets it train</translation>
    </message>
    <message>
        <source>The next run starts right away</source>
        <translation type="unfinished">The next run starts right away</translation>
    </message>
    <message>
        <source>Only a cluster with a parameter server can start paused: this run starts at once</source>
        <translation type="unfinished">Only a cluster with a parameter server can start paused: this run starts at once</translation>
    </message>
</context>
<context>
    <name>distlab::app::RunController</name>
    <message>
        <source>The training engine could not be started: %1</source>
        <translation>The training engine could not be started: %1</translation>
    </message>
    <message>
        <source>The training engine (distlab-engine) was found neither next to DistLab nor on the PATH.</source>
        <translation>The training engine (distlab-engine) was found neither next to DistLab nor on the PATH.</translation>
    </message>
    <message>
        <source>No temporary folder could be created for the run.</source>
        <translation>No temporary folder could be created for the run.</translation>
    </message>
    <message>
        <source>The experiment could not be written to %1.</source>
        <translation>The experiment could not be written to %1.</translation>
    </message>
    <message>
        <source>the run in %1 has ended: open it with Open run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>following a run needs its token (the %1 it was started with)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot follow the run: the coordinator did not accept the token (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot follow the run: no coordinator answered at %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::app::RunLibrary</name>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished">Test accuracy</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation type="unfinished">Test loss</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation type="unfinished">Wall time (s)</translation>
    </message>
    <message>
        <source>Samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes sent to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 workers, %2, lr %3, %4 epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished">Training loss</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished">Epochs</translation>
    </message>
    <message>
        <source>Sent to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings that differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished">CSV table (*.csv)</translation>
    </message>
    <message>
        <source>Sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished">PNG image (*.png)</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::app::ViewTabs</name>
    <message>
        <source>Training</source>
        <translation type="unfinished">Training</translation>
    </message>
    <message>
        <source>Test loss and accuracy of the global model and every worker&apos;s training loss, as they come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished">Timeline</translation>
    </message>
    <message>
        <source>What every worker and the server does when: compute, push, pull, wait at the barrier. Wheel: zoom; drag: pan; double click: all</source>
        <translation type="unfinished">What every worker and the server does when: compute, push, pull, wait at the barrier. Wheel: zoom; drag: pan; double click: all</translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished">Data</translation>
    </message>
    <message>
        <source>How the training set is split across the workers</source>
        <translation type="unfinished">How the training set is split across the workers</translation>
    </message>
    <message>
        <source>Staleness</source>
        <translation type="unfinished">Staleness</translation>
    </message>
    <message>
        <source>How old the parameters behind each applied update were</source>
        <translation type="unfinished">How old the parameters behind each applied update were</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished">Traffic</translation>
    </message>
    <message>
        <source>What crosses each worker&apos;s link, measured on the sockets</source>
        <translation type="unfinished">What crosses each worker&apos;s link, measured on the sockets</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished">Cluster</translation>
    </message>
    <message>
        <source>The server and its workers; right-click a worker to kill, slow down, restore or restart it</source>
        <translation type="unfinished">The server and its workers; right-click a worker to kill, slow down, restore or restart it</translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every table, curve and picture the experiment computed, as the engine sent them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::AdversarialView</name>
    <message>
        <source>plain training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adversarial training (PGD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input-gradient regularisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy without attack and under the attack of budget %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 clean, %3 attacked (trained in %4 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below: the first test images (top), the same after the attack (middle) and the change magnified, mid grey for none (bottom); the attack changed %1 of %2 answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy under attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished">Test accuracy</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::AggregationView</name>
    <message>
        <source>The same data, seed and number of examples for each method: S-DNN trains one model alone; MA-DNN averages the workers&apos; models every round; E-DNN keeps all of them and averages their predictions; EC-DNN distils that ensemble back into one model on the server and sends it out.</source>
        <translation>The same data, seed and number of examples for each method: S-DNN trains one model alone; MA-DNN averages the workers&apos; models every round; E-DNN keeps all of them and averages their predictions; EC-DNN distils that ensemble back into one model on the server and sends it out.</translation>
    </message>
    <message>
        <source>Against epochs</source>
        <translation>Against epochs</translation>
    </message>
    <message>
        <source>Against wall time</source>
        <translation>Against wall time</translation>
    </message>
    <message>
        <source>Against MB sent</source>
        <translation>Against MB sent</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Test accuracy</translation>
    </message>
    <message>
        <source>Epoch (examples seen / training set)</source>
        <translation>Epoch (examples seen / training set)</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <source>MB sent (both ways)</source>
        <translation>MB sent (both ways)</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Final accuracy</source>
        <translation>Final accuracy</translation>
    </message>
    <message>
        <source>Model parameters</source>
        <translation>Model parameters</translation>
    </message>
    <message>
        <source>MB sent</source>
        <translation>MB sent</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>Wall time (s)</translation>
    </message>
    <message>
        <source>Press Run: the four methods train one after the other on real clusters.</source>
        <translation>Press Run: the four methods train one after the other on real clusters.</translation>
    </message>
    <message>
        <source>The paper&apos;s claim: EC-DNN beats MA-DNN at equal communication; E-DNN is best but K times larger.</source>
        <translation>The paper&apos;s claim: EC-DNN beats MA-DNN at equal communication; E-DNN is best but K times larger.</translation>
    </message>
    <message>
        <source>Measured: EC-DNN %1 % vs MA-DNN %2 % with %3 vs %4 MB sent; E-DNN %5 % with a model %6 times larger.</source>
        <translation>Measured: EC-DNN %1 % vs MA-DNN %2 % with %3 vs %4 MB sent; E-DNN %5 % with a model %6 times larger.</translation>
    </message>
    <message>
        <source>Against rounds</source>
        <translation>Against rounds</translation>
    </message>
    <message>
        <source>Round (S-DNN: one worker&apos;s rounds)</source>
        <translation>Round (S-DNN: one worker&apos;s rounds)</translation>
    </message>
    <message>
        <source>Inference cost</source>
        <translation>Inference cost</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::AveragingView</name>
    <message>
        <source>After round %1 of %2</source>
        <translation>After round %1 of %2</translation>
    </message>
    <message>
        <source>Weight = b x height + a, fitted by gradient descent on f = (1/n) sum (weight - b x height - a)^2 with the people split over clients. After one step, averaging the clients&apos; gradients and averaging their models both equal central gradient descent; with several local steps per round they part.</source>
        <translation>Weight = b x height + a, fitted by gradient descent on f = (1/n) sum (weight - b x height - a)^2 with the people split over clients. After one step, averaging the clients&apos; gradients and averaging their models both equal central gradient descent; with several local steps per round they part.</translation>
    </message>
    <message>
        <source>After one step</source>
        <translation>After one step</translation>
    </message>
    <message>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <source>Central gradient descent (all people)</source>
        <translation>Central gradient descent (all people)</translation>
    </message>
    <message>
        <source>Gradient averaging (server averages gradients)</source>
        <translation>Gradient averaging (server averages gradients)</translation>
    </message>
    <message>
        <source>Model averaging (server averages models)</source>
        <translation>Model averaging (server averages models)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lecture&apos;s argument&lt;/b&gt;&lt;br&gt;&amp;nabla;f = &amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; &amp;nabla;f&lt;sub&gt;k&lt;/sub&gt;, so&lt;br&gt;&amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; (&amp;theta; &amp;minus; &amp;lambda;&amp;nabla;f&lt;sub&gt;k&lt;/sub&gt;) = &amp;theta; &amp;minus; &amp;lambda;&amp;nabla;f&lt;br&gt;w&lt;sub&gt;k&lt;/sub&gt; = n&lt;sub&gt;k&lt;/sub&gt;/n (weighted mean) or 1/K (plain mean)</source>
        <translation>&lt;b&gt;The lecture&apos;s argument&lt;/b&gt;&lt;br&gt;&amp;nabla;f = &amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; &amp;nabla;f&lt;sub&gt;k&lt;/sub&gt;, so&lt;br&gt;&amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;k&lt;/sub&gt; (&amp;theta; &amp;minus; &amp;lambda;&amp;nabla;f&lt;sub&gt;k&lt;/sub&gt;) = &amp;theta; &amp;minus; &amp;lambda;&amp;nabla;f&lt;br&gt;w&lt;sub&gt;k&lt;/sub&gt; = n&lt;sub&gt;k&lt;/sub&gt;/n (weighted mean) or 1/K (plain mean)</translation>
    </message>
    <message>
        <source>Press Run to compute the lesson.</source>
        <translation>Press Run to compute the lesson.</translation>
    </message>
    <message>
        <source>Equal: the three differ by at most %1 (relative), rounding only.</source>
        <translation>Equal: the three differ by at most %1 (relative), rounding only.</translation>
    </message>
    <message>
        <source>Not equal: they differ by %1 (relative). With a plain mean over clients of different sizes, the averaged gradient is not the central one.</source>
        <translation>Not equal: they differ by %1 (relative). With a plain mean over clients of different sizes, the averaged gradient is not the central one.</translation>
    </message>
    <message>
        <source>The people and the fitted lines</source>
        <translation>The people and the fitted lines</translation>
    </message>
    <message>
        <source>Height (m)</source>
        <translation>Height (m)</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>Gradient averaging</source>
        <translation>Gradient averaging</translation>
    </message>
    <message>
        <source>Model averaging</source>
        <translation>Model averaging</translation>
    </message>
    <message>
        <source>Loss on all people after each round</source>
        <translation>Loss on all people after each round</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>f(a, b)</source>
        <translation>f(a, b)</translation>
    </message>
    <message>
        <source>Model averaging: f(averaged model)</source>
        <translation>Model averaging: f(averaged model)</translation>
    </message>
    <message>
        <source>Mean of f(client models) before averaging</source>
        <translation>Mean of f(client models) before averaging</translation>
    </message>
    <message>
        <source>Client %1 (its people, its local steps)</source>
        <translation>Client %1 (its people, its local steps)</translation>
    </message>
    <message>
        <source>gradient averaging</source>
        <translation>gradient averaging</translation>
    </message>
    <message>
        <source>model averaging: f(averaged model)</source>
        <translation>model averaging: f(averaged model)</translation>
    </message>
    <message>
        <source>mean of f(client models) before averaging</source>
        <translation>mean of f(client models) before averaging</translation>
    </message>
    <message>
        <source>least squares</source>
        <translation>least squares</translation>
    </message>
    <message>
        <source>The loss f(a, b) (darker is lower). Grey: gradient averaging; dashed purple: model averaging; thin coloured: each client&apos;s local steps.</source>
        <translation>The loss f(a, b) (darker is lower). Grey: gradient averaging; dashed purple: model averaging; thin coloured: each client&apos;s local steps.</translation>
    </message>
    <message>
        <source>For comparison: plain mean 1/K over the clients</source>
        <translation>For comparison: plain mean 1/K over the clients</translation>
    </message>
    <message>
        <source>A plain mean 1/K would be off by %1 (relative): the clients differ in size, so the weights n_k/n matter.</source>
        <translation>A plain mean 1/K would be off by %1 (relative): the clients differ in size, so the weights n_k/n matter.</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ClientSharesPlot</name>
    <message>
        <source>Share of each client&apos;s examples in each class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients by their number of examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>examples a client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::CompressionView</name>
    <message>
        <source>32-bit floats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8-bit integers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top-k %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random-k %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QSGD, %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign, 1 bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + error feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update sent as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MB pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished">Test accuracy</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished">Seconds</translation>
    </message>
    <message>
        <source>On the front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <source>Test accuracy against the bytes the workers pushed (dashed: the runs nothing beats on both; squares: with error feedback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MB pushed (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>front</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ConvexityView</name>
    <message>
        <source>If the loss is convex in the parameters, the averaged model is never worse than the mean of the models: f(mean of w) &lt;= mean of f(w). A network&apos;s loss is convex only in its output, so averaging the outputs (the ensemble) keeps that promise and averaging the parameters may not. Test loss after each round:</source>
        <translation>If the loss is convex in the parameters, the averaged model is never worse than the mean of the models: f(mean of w) &lt;= mean of f(w). A network&apos;s loss is convex only in its output, so averaging the outputs (the ensemble) keeps that promise and averaging the parameters may not. Test loss after each round:</translation>
    </message>
    <message>
        <source>Common start, averaged every round</source>
        <translation>Common start, averaged every round</translation>
    </message>
    <message>
        <source>Different random starts, never averaged</source>
        <translation>Different random starts, never averaged</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Test cross-entropy</source>
        <translation>Test cross-entropy</translation>
    </message>
    <message>
        <source>f(averaged model)</source>
        <translation>f(averaged model)</translation>
    </message>
    <message>
        <source>mean of f(models)</source>
        <translation>mean of f(models)</translation>
    </message>
    <message>
        <source>f(ensemble)</source>
        <translation>f(ensemble)</translation>
    </message>
    <message>
        <source>Press Run to train the models.</source>
        <translation>Press Run to train the models.</translation>
    </message>
    <message>
        <source>After the last round: from a common start the averaged model scores %1 against the models&apos; mean %2; from different starts %3 against %4 (%5x). The ensemble: %6 and %7, never above the mean.</source>
        <translation>After the last round: from a common start the averaged model scores %1 against the models&apos; mean %2; from different starts %3 against %4 (%5x). The ensemble: %6 and %7, never above the mean.</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::DataView</name>
    <message>
        <source>Examples of each class per worker</source>
        <translation>Examples of each class per worker</translation>
    </message>
    <message>
        <source>Examples (repeats counted)</source>
        <translation>Examples (repeats counted)</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>Worker %1: %2 examples, %3 different; never sees %4% of the training set</source>
        <translation>Worker %1: %2 examples, %3 different; never sees %4% of the training set</translation>
    </message>
    <message>
        <source>%1% of the training examples go to no worker.</source>
        <translation>%1% of the training examples go to no worker.</translation>
    </message>
    <message>
        <source>The data split appears here when a run starts.</source>
        <translation>The data split appears here when a run starts.</translation>
    </message>
    <message>
        <source>%1 clients with %2 to %3 examples each. 90% of a client&apos;s examples are of %4 of the %5 classes on average (evenly split data: %6).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::FederatedView</name>
    <message>
        <source>Who took part in each round: rounds from left to right, clients from top to bottom. A red mark above a round: too few results, the global model stayed as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late, used next round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late, dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished">Round</translation>
    </message>
    <message>
        <source>The rounds appear here while a federated run trains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1: %2 of %3 online clients sampled; %4 trained, %5 late, %6 dropped out, %7 lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n late update(s) from the round before used.</source>
        <translation>
            <numerusform>%n late update from the round before used.</numerusform>
            <numerusform>%n late updates from the round before used.</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few results: the model stayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The updates&apos; mean cosine to their mean: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished">Test accuracy</translation>
    </message>
    <message>
        <source>cosine to the mean update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy by round: each client rule on these clients, and IID data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client drift of the updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spread of the norms (std / mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server saw the updates masked or encrypted only, so there is no drift to measure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dropout(s) recovered from the survivors&apos; shares this round.</source>
        <translation>
            <numerusform>%n dropout recovered from the survivors&apos; shares this round.</numerusform>
            <numerusform>%n dropouts recovered from the survivors&apos; shares this round.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>distlab::widgets::LayoutDiagram</name>
    <message>
        <source>skeleton (every worker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shard %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation type="unfinished">Worker %1</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::LossSurface</name>
    <message>
        <source>a (intercept, kg)</source>
        <translation>a (intercept, kg)</translation>
    </message>
    <message>
        <source>b (kg per metre)</source>
        <translation>b (kg per metre)</translation>
    </message>
    <message>
        <source>least squares</source>
        <translation>least squares</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ModelPartitionView</name>
    <message>
        <source>Split by layers, the stages pass intermediate results instead of parameters. With m micro-batches a pipeline of p stages idles (p-1)/(m+p-1) of the time while it fills and drains (its bubble); 1F1B holds fewer micro-batches&apos; activations than GPipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bubble: idle share of the stages (solid: measured, dashed: theory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-batches m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished">Batch size</translation>
    </message>
    <message>
        <source>Bytes per example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak activation memory per stage (MB): GPipe %1, 1F1B %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per example the pipeline sends less than data parallelism for batches below %1, more above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split within layers, each process sends %1 MB per update (data parallel: %2 MB) and holds %3 MB of the model (whole: %4 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Run: the measurements appear here when the lesson ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured on %1 cores: with more stages than cores the stages take turns on the CPU, which shows as idle time the theory does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random skeleton partition: test accuracy %1% with sub-networks of %2 of the model&apos;s %3 parameters and %4 MB sent to the workers; model averaging of the whole network: %5% and %6 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who holds which neurons: a column per layer with weights (its width below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per example: data parallel 2 x model / batch, pipeline 2 x width</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ParticipationChart</name>
    <message>
        <source>Rounds 1 to %1 from left to right; clients 0 to %2 from top to bottom</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::PrivacyComparisonTable</name>
    <message>
        <source>No protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local DP (each client adds noise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central DP (the server adds noise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure aggregation</source>
        <translation type="unfinished">Secure aggregation</translation>
    </message>
    <message>
        <source>Secure aggregation + central DP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every client&apos;s update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every client&apos;s update, noised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the sum of the round&apos;s updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same rounds under each protection of the updates: what the server learns from a client, and what the protection costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server learns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished">Test accuracy</translation>
    </message>
    <message>
        <source>ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KB up per client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KB down per client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server ms per round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paillier encryption (one round measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per round</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::PrivacyView</name>
    <message>
        <source>A worker shares only the gradient of its batch. The attacker (an honest-but-curious server) searches for images whose gradient matches it: top row, the worker&apos;s private images; bottom row, what the attacker rebuilt.</source>
        <translation>A worker shares only the gradient of its batch. The attacker (an honest-but-curious server) searches for images whose gradient matches it: top row, the worker&apos;s private images; bottom row, what the attacker rebuilt.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Label found</source>
        <translation>Label found</translation>
    </message>
    <message>
        <source>PSNR</source>
        <translation>PSNR</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>The attack, iteration by iteration</source>
        <translation>The attack, iteration by iteration</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>gradient distance</source>
        <translation>gradient distance</translation>
    </message>
    <message>
        <source>mean PSNR of the rebuilt images</source>
        <translation>mean PSNR of the rebuilt images</translation>
    </message>
    <message>
        <source>Privacy and utility (give the spec sweep strengths)</source>
        <translation>Privacy and utility (give the spec sweep strengths)</translation>
    </message>
    <message>
        <source>Privacy and utility: %1 of growing strength</source>
        <translation>Privacy and utility: %1 of growing strength</translation>
    </message>
    <message>
        <source>Defense strength</source>
        <translation>Defense strength</translation>
    </message>
    <message>
        <source>attack PSNR</source>
        <translation>attack PSNR</translation>
    </message>
    <message>
        <source>test accuracy of the defended model</source>
        <translation>test accuracy of the defended model</translation>
    </message>
    <message>
        <source>After %1 iterations</source>
        <translation>After %1 iterations</translation>
    </message>
    <message>
        <source>Images: &quot;%1&quot; is not an image number; allowed: 1 to 8 test-set indices such as 0, 1, 4</source>
        <translation>Images: &quot;%1&quot; is not an image number; allowed: 1 to 8 test-set indices such as 0, 1, 4</translation>
    </message>
    <message>
        <source>Images: %1 given; allowed: 1 to 8 test-set indices such as 0, 1, 4</source>
        <translation>Images: %1 given; allowed: 1 to 8 test-set indices such as 0, 1, 4</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Images:</translation>
    </message>
    <message>
        <source>Test-set indices attacked together as one batch, e.g. 0, 1, 4</source>
        <translation>Test-set indices attacked together as one batch, e.g. 0, 1, 4</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>MLP (sigmoid)</source>
        <translation>MLP (sigmoid)</translation>
    </message>
    <message>
        <source>LeNet (the DLG paper&apos;s)</source>
        <translation>LeNet (the DLG paper&apos;s)</translation>
    </message>
    <message>
        <source>Attack:</source>
        <translation>Attack:</translation>
    </message>
    <message>
        <source>Defense:</source>
        <translation>Defense:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>noise: std; topk: fraction pruned; dp: noise multiplier; local-steps: number of steps</source>
        <translation>noise: std; topk: fraction pruned; dp: noise multiplier; local-steps: number of steps</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>Attack</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Test images</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>test accuracy (real cluster)</source>
        <translation>test accuracy (real cluster)</translation>
    </message>
    <message>
        <source>Worker %1&apos;s push, step %2 (%3)</source>
        <translation>Worker %1&apos;s push, step %2 (%3)</translation>
    </message>
    <message>
        <source>Press Attack (or Run) to attack.</source>
        <translation>Press Attack (or Run) to attack.</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>Optimizer:</translation>
    </message>
    <message>
        <source>Distance:</source>
        <translation>Distance:</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>cosine</translation>
    </message>
    <message>
        <source>L-BFGS (with a line search) is what DLG uses; Adam takes one gradient a step and needs many more</source>
        <translation>L-BFGS (with a line search) is what DLG uses; Adam takes one gradient a step and needs many more</translation>
    </message>
    <message>
        <source>How the dummy gradient is compared with the observed one: the squared L2 distance, or 1 - cosine similarity (ignores its size)</source>
        <translation>How the dummy gradient is compared with the observed one: the squared L2 distance, or 1 - cosine similarity (ignores its size)</translation>
    </message>
    <message>
        <source>DLG (deep leakage from gradients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iDLG (the label read off first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytic (from the first dense layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top-k sparsification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8-bit quantization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DP-SGD (each example clipped, noise added)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several local steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no defense</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::PropertyView</name>
    <message>
        <source>secure aggregation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise (std %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (strength %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds called right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished">Test accuracy</translation>
    </message>
    <message>
        <source>The server keeps every push of one worker and guesses, from each, whether its batch held a given class: something the task never asked for. Run lesson 8c.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property: the victim&apos;s batch holds an example of class %1 (%2% of its %3 batches did).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server trained a meta-classifier on gradients of its own images, with and without the class, at each round&apos;s parameters, and scored the victim&apos;s pushes: AUC %1 with %2 (0.5 is a guess, 1 knows every batch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1: AUC %2, test accuracy %3% (%4% unprotected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attack&apos;s ROC curve, a colour a row (dashed: guessing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guessing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, AUC %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The victim&apos;s rounds as the server scored them (first run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(batch holds the class)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch held the class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch did not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1: AUC %2, test accuracy %3%.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::ResultPane</name>
    <message>
        <source>An experiment&apos;s results appear here when it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything the experiment computed: pick a table to see it; the chart holds the curves it drew. The run folder has the same tables as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::RingView</name>
    <message>
        <source>A parameter server&apos;s link carries every worker&apos;s update up and the model down: 2NM bytes a step for N workers and a model of M bytes. Round a ring, each worker sends 2(N-1)/N M, under 2M however many workers there are, and no link carries more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes a step, by workers: lines the formulas, points measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time a step (measured on this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished">Workers</translation>
    </message>
    <message>
        <source>MB a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server&apos;s link, 2NM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker to server, M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker round the ring, 2(N-1)/N M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server&apos;s link, measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker to server, measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker round the ring, measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter server (BSP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring all-reduce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run lesson 4c (cluster.sync allreduce) to see what the ring sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run: %1 workers in a ring, each sent %2 MB a step (%3 ms a step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The times are of processes sharing this machine&apos;s cores: each of the ring&apos;s 2(N-1) hops a step waits for a process to be scheduled, which separate machines would not.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::RunsPanel</name>
    <message>
        <source>%1
The run did not complete: its figures are where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished">Run</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished">Accuracy</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation type="unfinished">Test loss</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick a run to draw its curves on the training chart; double-click its name to rename it, another column to show it in every view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runs of this session and the ones you open (File &gt; Open run) appear here. Tick them to overlay their curves; Compare puts their figures and differing settings side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare ticked...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::SecurityView</name>
    <message>
        <source>Attack</source>
        <translation type="unfinished">Attack</translation>
    </message>
    <message>
        <source>Server&apos;s rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished">Test accuracy</translation>
    </message>
    <message>
        <source>Backdoor success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No judged round yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rounds judged: %2 pushes kept, %3 clipped, %4 excluded. Of the flagged pushes %5 were the attackers&apos; (precision); of the attackers&apos; pushes %6 were flagged (recall).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backdoor success at the last test: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every round the server judges each push before it aggregates: a column of the grid is a round, a row a worker (the attackers named in red).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9632;&lt;/span&gt; kept &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;&amp;#9632;&lt;/span&gt; clipped &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;&amp;#9632;&lt;/span&gt; excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of each worker&apos;s update (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement with the aggregate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine / share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attackers&apos; mean cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Honest workers&apos; mean cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attackers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Honest workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule&apos;s mean score (Krum&apos;s distance score, the clipping factor or the share of trimmed values): attackers %1, honest workers %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no attack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign flip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inner-product manipulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a little is enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label flip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinate-wise median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trimmed mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-Krum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulyan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>centered clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backdoor trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain mean</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::SpecForm</name>
    <message>
        <source>Data set</source>
        <translation>Data set</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Cluster and data partitioning</source>
        <translation>Cluster and data partitioning</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>Synchronization</translation>
    </message>
    <message>
        <source>Heterogeneity</source>
        <translation>Heterogeneity</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Aggregation</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished">Experiment</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model partitioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federated learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::StalenessView</name>
    <message>
        <source>Staleness of the applied updates (SSP bound: %1 steps)</source>
        <translation>Staleness of the applied updates (SSP bound: %1 steps)</translation>
    </message>
    <message>
        <source>Staleness of the applied updates</source>
        <translation>Staleness of the applied updates</translation>
    </message>
    <message>
        <source>steps ahead of the slowest worker when it started</source>
        <translation>steps ahead of the slowest worker when it started</translation>
    </message>
    <message>
        <source>updates applied between its pull and its push</source>
        <translation>updates applied between its pull and its push</translation>
    </message>
    <message>
        <source>Applied updates</source>
        <translation>Applied updates</translation>
    </message>
    <message>
        <source>The staleness of every applied update appears here during a run.</source>
        <translation>The staleness of every applied update appears here during a run.</translation>
    </message>
    <message>
        <source>%1 updates applied; at most %2 steps ahead of the slowest; on average %3 other updates came in between a worker&apos;s pull and its push</source>
        <translation>%1 updates applied; at most %2 steps ahead of the slowest; on average %3 other updates came in between a worker&apos;s pull and its push</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::SweepChart</name>
    <message>
        <source>Figure:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::SweepDialog</name>
    <message>
        <source>Parameter sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0.01,0.05,0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. bsp,asp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values separated by commas; a list in brackets: [64],[128,64]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>And vary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each point runs this many times with seeds seed, seed+1, ...; the chart shows their mean and standard deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs go to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the sweep&apos;s runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiment in the Experiment panel runs once for every combination of the values below, one run after another; each run is kept in its own folder and listed in the Runs panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), one after another.</source>
        <translation>
            <numerusform>%n run, one after another.</numerusform>
            <numerusform>%n runs, one after another.</numerusform>
        </translation>
    </message>
    <message>
        <source>Allowed values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TimelineView</name>
    <message>
        <source>compute</source>
        <translation>compute</translation>
    </message>
    <message>
        <source>push</source>
        <translation>push</translation>
    </message>
    <message>
        <source>pull</source>
        <translation>pull</translation>
    </message>
    <message>
        <source>wait</source>
        <translation>wait</translation>
    </message>
    <message>
        <source>aggregate</source>
        <translation>aggregate</translation>
    </message>
    <message>
        <source>evaluate</source>
        <translation>evaluate</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>%1 - %2: %3 ms, step %4, %5 bytes</source>
        <translation>%1 - %2: %3 ms, step %4, %5 bytes</translation>
    </message>
    <message>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle (bubble)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push clipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TopologyView</name>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>slowed down</source>
        <translation>slowed down</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>dead</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>Parameter server</source>
        <translation>Parameter server</translation>
    </message>
    <message>
        <source>Kill worker %1</source>
        <translation>Kill worker %1</translation>
    </message>
    <message>
        <source>Slow down 3x</source>
        <translation>Slow down 3x</translation>
    </message>
    <message>
        <source>Back to full speed</source>
        <translation>Back to full speed</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Capture its next push (privacy lesson)</source>
        <translation>Capture its next push (privacy lesson)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>step %1</translation>
    </message>
    <message>
        <source>%1% of the data</source>
        <translation>%1% of the data</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no layer with weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layers %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of the neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network: each layer&apos;s neurons, coloured by the process that holds them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator (no server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring all-reduce: each worker hands a chunk of the gradient sum to the next, 2(N-1) times a step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TrafficView</name>
    <message>
        <source>Worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>Seconds since the start</source>
        <translation>Seconds since the start</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>PUSH MB</source>
        <translation>PUSH MB</translation>
    </message>
    <message>
        <source>PARAMS MB</source>
        <translation>PARAMS MB</translation>
    </message>
    <message>
        <source>The traffic measured on the sockets appears here during a run.</source>
        <translation>The traffic measured on the sockets appears here during a run.</translation>
    </message>
    <message>
        <source>%1 MB crossed the network in all (every message, both ways).</source>
        <translation>%1 MB crossed the network in all (every message, both ways).</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>Message type</translation>
    </message>
    <message>
        <source>MB so far</source>
        <translation>MB so far</translation>
    </message>
    <message>
        <source>PUSH (updates)</source>
        <translation>PUSH (updates)</translation>
    </message>
    <message>
        <source>PARAMS (parameters)</source>
        <translation>PARAMS (parameters)</translation>
    </message>
    <message>
        <source>PULL (requests)</source>
        <translation>PULL (requests)</translation>
    </message>
    <message>
        <source>CLOCK / BARRIER</source>
        <translation>CLOCK / BARRIER</translation>
    </message>
    <message>
        <source>TELEMETRY</source>
        <translation>TELEMETRY</translation>
    </message>
    <message>
        <source>HEARTBEAT</source>
        <translation>HEARTBEAT</translation>
    </message>
    <message>
        <source>Handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <source>CONTROL / SHUTDOWN</source>
        <translation>CONTROL / SHUTDOWN</translation>
    </message>
    <message>
        <source>MB/s in each second</source>
        <translation>MB/s in each second</translation>
    </message>
    <message>
        <source>PUSH count</source>
        <translation>PUSH count</translation>
    </message>
    <message>
        <source>PARAMS count</source>
        <translation>PARAMS count</translation>
    </message>
    <message>
        <source>KB per PUSH</source>
        <translation>KB per PUSH</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Each worker&apos;s PUSH (strong line: updates to the server) and PULL (faint line: parameters back)</source>
        <translation>Each worker&apos;s PUSH (strong line: updates to the server) and PULL (faint line: parameters back)</translation>
    </message>
    <message>
        <source>The updates took %1 MB on the wire for %2 MB of floats: %3x fewer bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACTIVATIONS (intermediate results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERRORS (intermediate results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate results (activations forward, errors back): %1 MB, %2 % of all; parameters: %3 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each process&apos;s intermediate results: activations (strong line) and errors (faint line) it sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each worker&apos;s ring all-reduce chunks to the next worker (strong line) and the parameters worker 0 sends for testing (faint line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RING count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RING MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KB per chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RING (gradient chunks to the next worker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring all-reduce: %1 MB of gradient chunks, %2 MB per worker; no link carries everyone&apos;s gradients, as a parameter server&apos;s does.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TrainingChart</name>
    <message>
        <source>Training progress</source>
        <translation>Training progress</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Training loss</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Test loss</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Test accuracy</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Worker %1 training loss</source>
        <translation>Worker %1 training loss</translation>
    </message>
    <message>
        <source>Training loss (raw)</source>
        <translation>Training loss (raw)</translation>
    </message>
    <message>
        <source>Test loss (raw)</source>
        <translation>Test loss (raw)</translation>
    </message>
    <message>
        <source>Earlier run</source>
        <translation>Earlier run</translation>
    </message>
    <message>
        <source>%1: test loss</source>
        <translation>%1: test loss</translation>
    </message>
    <message>
        <source>%1: test accuracy</source>
        <translation>%1: test accuracy</translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>Wall time (s)</translation>
    </message>
    <message>
        <source>Loss (log scale)</source>
        <translation>Loss (log scale)</translation>
    </message>
    <message>
        <source>Against epoch</source>
        <translation>Against epoch</translation>
    </message>
    <message>
        <source>Against wall time</source>
        <translation>Against wall time</translation>
    </message>
    <message>
        <source>Plot against training epochs or against seconds since the start</source>
        <translation>Plot against training epochs or against seconds since the start</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Smoothing</translation>
    </message>
    <message>
        <source>Exponential moving average of the curves; the raw curve stays faint behind</source>
        <translation>Exponential moving average of the curves; the raw curve stays faint behind</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log scale</translation>
    </message>
    <message>
        <source>Losses on a logarithmic axis</source>
        <translation>Losses on a logarithmic axis</translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation>Clear comparison</translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished">Round</translation>
    </message>
    <message>
        <source>Against round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy spent ε (δ = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the other runs&apos; curves off the chart (untick them in the Runs panel)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>distlab::widgets::VerdictGrid</name>
    <message>
        <source>Worker %1</source>
        <translation type="unfinished">Worker %1</translation>
    </message>
    <message>
        <source>Rounds 1 to %1 from left to right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation type="unfinished">Client %1</translation>
    </message>
</context>
</TS>
