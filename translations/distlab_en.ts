<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AggregationResults</name>
    <message>
        <source>%1 holds no results</source>
        <translation>%1 holds no results</translation>
    </message>
</context>
<context>
    <name>AveragingResults</name>
    <message>
        <source>Cannot read %1</source>
        <translation>Cannot read %1</translation>
    </message>
    <message>
        <source>%1 is not a lesson 1 result</source>
        <translation>%1 is not a lesson 1 result</translation>
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
    <name>EngineCsv</name>
    <message>
        <source>Cannot read %1</source>
        <translation>Cannot read %1</translation>
    </message>
    <message>
        <source>%1, line %2: %3 cells, expected %4</source>
        <translation>%1, line %2: %3 cells, expected %4</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <source>LeNet-5 needs an image data set (fashion-mnist, mnist or cifar10), not %1</source>
        <translation>LeNet-5 needs an image data set (fashion-mnist, mnist or cifar10), not %1</translation>
    </message>
    <message>
        <source>%1 needs class labels; height-weight is a regression: use mse</source>
        <translation>%1 needs class labels; height-weight is a regression: use mse</translation>
    </message>
    <message>
        <source>%1 splits by class label, and height-weight has none: use shuffle-split or with-replacement</source>
        <translation>%1 splits by class label, and height-weight has none: use shuffle-split or with-replacement</translation>
    </message>
    <message>
        <source>%1 entries for %2 workers: give one per worker, or none for all alike</source>
        <translation>%1 entries for %2 workers: give one per worker, or none for all alike</translation>
    </message>
    <message>
        <source>%1 is out of range: allowed are numbers from %2 to %3</source>
        <translation>%1 is out of range: allowed are numbers from %2 to %3</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 is not a number</translation>
    </message>
    <message>
        <source>%1 is not a list of numbers from %2 to %3, such as 3, 1, 1</source>
        <translation>%1 is not a list of numbers from %2 to %3, such as 3, 1, 1</translation>
    </message>
    <message>
        <source>Loading the data set %1...</source>
        <translation>Loading the data set %1...</translation>
    </message>
    <message>
        <source>The run&apos;s files go to %1</source>
        <translation>The run&apos;s files go to %1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>started by hand</source>
        <translation>started by hand</translation>
    </message>
    <message>
        <source>from step %1, pid %2</source>
        <translation>from step %1, pid %2</translation>
    </message>
    <message>
        <source>its connection closed</source>
        <translation>its connection closed</translation>
    </message>
    <message>
        <source>killed from the window</source>
        <translation>killed from the window</translation>
    </message>
    <message>
        <source>no sign of life for %1 ms</source>
        <translation>no sign of life for %1 ms</translation>
    </message>
    <message>
        <source>every worker finished</source>
        <translation>every worker finished</translation>
    </message>
    <message>
        <source>every worker died</source>
        <translation>every worker died</translation>
    </message>
    <message>
        <source>stopped from the window</source>
        <translation>stopped from the window</translation>
    </message>
    <message>
        <source>%1 times slower</source>
        <translation>%1 times slower</translation>
    </message>
    <message>
        <source>%1 workers, %2, %3 partitioning, %4 parameters, port %5</source>
        <translation>%1 workers, %2, %3 partitioning, %4 parameters, port %5</translation>
    </message>
    <message>
        <source>wrong token</source>
        <translation>wrong token</translation>
    </message>
    <message>
        <source>central descent</source>
        <translation>central descent</translation>
    </message>
    <message>
        <source>gradient averaging</source>
        <translation>gradient averaging</translation>
    </message>
    <message>
        <source>model averaging</source>
        <translation>model averaging</translation>
    </message>
    <message>
        <source>common start</source>
        <translation>common start</translation>
    </message>
    <message>
        <source>different starts</source>
        <translation>different starts</translation>
    </message>
    <message>
        <source>on the cluster</source>
        <translation>on the cluster</translation>
    </message>
    <message>
        <source>in one process</source>
        <translation>in one process</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Wrote %1</translation>
    </message>
    <message>
        <source>One step from a = %1, b = %2 with learning rate %3:</source>
        <translation>One step from a = %1, b = %2 with learning rate %3:</translation>
    </message>
    <message>
        <source>  %1: a = %2, b = %3</source>
        <translation>  %1: a = %2, b = %3</translation>
    </message>
    <message>
        <source>After %1 rounds of %2 local steps: gradient averaging a = %3, b = %4; model averaging a = %5, b = %6</source>
        <translation>After %1 rounds of %2 local steps: gradient averaging a = %3, b = %4; model averaging a = %5, b = %6</translation>
    </message>
    <message>
        <source>%1: %2 worker(s), aggregation %3</source>
        <translation>%1: %2 worker(s), aggregation %3</translation>
    </message>
    <message>
        <source>%1: test accuracy %2%, model of %3 parameters, %4 MB sent, %5 s</source>
        <translation>%1: test accuracy %2%, model of %3 parameters, %4 MB sent, %5 s</translation>
    </message>
    <message>
        <source>Start, round: loss of the averaged model, mean loss of the models, loss of the ensemble</source>
        <translation>Start, round: loss of the averaged model, mean loss of the models, loss of the ensemble</translation>
    </message>
    <message>
        <source>%1, round %2: %3, %4, %5</source>
        <translation>%1, round %2: %3, %4, %5</translation>
    </message>
    <message>
        <source>Iteration %1: gradient distance %2, mean PSNR %3 dB</source>
        <translation>Iteration %1: gradient distance %2, mean PSNR %3 dB</translation>
    </message>
    <message>
        <source>%1 on %2 image(s) (defense %3, strength %4): mean PSNR %5 dB, %6 of %7 labels right, after %8 iterations (%9 evaluations)</source>
        <translation>%1 on %2 image(s) (defense %3, strength %4): mean PSNR %5 dB, %6 of %7 labels right, after %8 iterations (%9 evaluations)</translation>
    </message>
    <message>
        <source>Privacy and utility: defense %1 at %2 strengths...</source>
        <translation>Privacy and utility: defense %1 at %2 strengths...</translation>
    </message>
    <message>
        <source>Privacy and utility: training a cluster of %1 workers with %2</source>
        <translation>Privacy and utility: training a cluster of %1 workers with %2</translation>
    </message>
    <message>
        <source>Defense, strength: the attack&apos;s PSNR and SSIM, the test accuracy</source>
        <translation>Defense, strength: the attack&apos;s PSNR and SSIM, the test accuracy</translation>
    </message>
    <message>
        <source>%1 %2: attack PSNR %3 dB, SSIM %4, test accuracy %5% (%6)</source>
        <translation>%1 %2: attack PSNR %3 dB, SSIM %4, test accuracy %5% (%6)</translation>
    </message>
    <message>
        <source>averaging</source>
        <translation>averaging</translation>
    </message>
    <message>
        <source>ensemble</source>
        <translation>ensemble</translation>
    </message>
    <message>
        <source>ensemble compression</source>
        <translation>ensemble compression</translation>
    </message>
    <message>
        <source>Wrote %1, %2 and %3</source>
        <translation>Wrote %1, %2 and %3</translation>
    </message>
    <message>
        <source>Wrote %1 and %2</source>
        <translation>Wrote %1 and %2</translation>
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
    <name>distlab::app::MainWindow</name>
    <message>
        <source>About DistLab</source>
        <translation>About DistLab</translation>
    </message>
    <message>
        <source>DistLab: a lab for learning distributed training of neural networks.</source>
        <translation>DistLab: a lab for learning distributed training of neural networks.</translation>
    </message>
    <message>
        <source>DistLab - Distributed Learning Lab</source>
        <translation>DistLab - Distributed Learning Lab</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>&amp;Open experiment...</source>
        <translation>&amp;Open experiment...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>&amp;About DistLab</source>
        <translation>&amp;About DistLab</translation>
    </message>
    <message>
        <source>Cannot open the experiment</source>
        <translation>Cannot open the experiment</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>Open experiment</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>Experiment specs (*.json)</translation>
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
        <source>Ready: press Run (F5) to train</source>
        <translation>Ready: press Run (F5) to train</translation>
    </message>
    <message>
        <source>Finished: test accuracy %1%, %2 samples/s</source>
        <translation>Finished: test accuracy %1%, %2 samples/s</translation>
    </message>
    <message>
        <source>Train the current lesson&apos;s model on a real cluster (F5)</source>
        <translation>Train the current lesson&apos;s model on a real cluster (F5)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Hold every worker before its next step, or let them go on (F6)</source>
        <translation>Hold every worker before its next step, or let them go on (F6)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>While paused: every worker takes one more step, one round of a synchronous run (F10)</source>
        <translation>While paused: every worker takes one more step, one round of a synchronous run (F10)</translation>
    </message>
    <message>
        <source>Stop the run and every worker process (Esc)</source>
        <translation>Stop the run and every worker process (Esc)</translation>
    </message>
    <message>
        <source>Loading data and starting the cluster...</source>
        <translation>Loading data and starting the cluster...</translation>
    </message>
    <message>
        <source>Stopped at epoch %1</source>
        <translation>Stopped at epoch %1</translation>
    </message>
    <message>
        <source>Worker %1 died: %2</source>
        <translation>Worker %1 died: %2</translation>
    </message>
    <message>
        <source>epoch %1 / %2</source>
        <translation>epoch %1 / %2</translation>
    </message>
    <message>
        <source>workers alive: %1 / %2</source>
        <translation>workers alive: %1 / %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>L&amp;essons</translation>
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
        <source>&amp;New experiment</source>
        <translation>&amp;New experiment</translation>
    </message>
    <message>
        <source>&amp;Save experiment</source>
        <translation>&amp;Save experiment</translation>
    </message>
    <message>
        <source>Save experiment &amp;as...</source>
        <translation>Save experiment &amp;as...</translation>
    </message>
    <message>
        <source>Recent experiments</source>
        <translation>Recent experiments</translation>
    </message>
    <message>
        <source>New experiment</source>
        <translation>New experiment</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>Save experiment</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Cannot save %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Presentation mode</translation>
    </message>
    <message>
        <source>Larger text for a projector (F11)</source>
        <translation>Larger text for a projector (F11)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>&amp;Dark theme</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 (update %3, %4 s): test accuracy %5%, %6 samples/s</source>
        <translation>Epoch %1 of %2 (update %3, %4 s): test accuracy %5%, %6 samples/s</translation>
    </message>
    <message>
        <source>Update %1 (epoch %2 of %3, %4 s): test loss %5, test accuracy %6%, %7 samples/s</source>
        <translation>Update %1 (epoch %2 of %3, %4 s): test loss %5, test accuracy %6%, %7 samples/s</translation>
    </message>
    <message>
        <source>The cluster started (%1)</source>
        <translation>The cluster started (%1)</translation>
    </message>
    <message>
        <source>Worker %1 joined (%2)</source>
        <translation>Worker %1 joined (%2)</translation>
    </message>
    <message>
        <source>Worker %1 rejoined (%2)</source>
        <translation>Worker %1 rejoined (%2)</translation>
    </message>
    <message>
        <source>Worker %1 finished all its steps</source>
        <translation>Worker %1 finished all its steps</translation>
    </message>
    <message>
        <source>A connection was refused: %1</source>
        <translation>A connection was refused: %1</translation>
    </message>
    <message>
        <source>Worker %1 slowed down (%2)</source>
        <translation>Worker %1 slowed down (%2)</translation>
    </message>
    <message>
        <source>Worker %1 back to full speed</source>
        <translation>Worker %1 back to full speed</translation>
    </message>
    <message>
        <source>Paused: every worker waits before its next step</source>
        <translation>Paused: every worker waits before its next step</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <source>One more step for every worker</source>
        <translation>One more step for every worker</translation>
    </message>
    <message>
        <source>The run ended: %1</source>
        <translation>The run ended: %1</translation>
    </message>
    <message>
        <source>The data split for epoch %1: %2% of the training examples go to no worker</source>
        <translation>The data split for epoch %1: %2% of the training examples go to no worker</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>What every worker and the server does when: compute, push, pull, wait at the barrier. Wheel: zoom; drag: pan; double click: all</source>
        <translation>What every worker and the server does when: compute, push, pull, wait at the barrier. Wheel: zoom; drag: pan; double click: all</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>How the training set is split across the workers</source>
        <translation>How the training set is split across the workers</translation>
    </message>
    <message>
        <source>Staleness</source>
        <translation>Staleness</translation>
    </message>
    <message>
        <source>How old the parameters behind each applied update were</source>
        <translation>How old the parameters behind each applied update were</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>What crosses each worker&apos;s link, measured on the sockets</source>
        <translation>What crosses each worker&apos;s link, measured on the sockets</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>The server and its workers; right-click a worker to kill, slow down, restore or restart it</source>
        <translation>The server and its workers; right-click a worker to kill, slow down, restore or restart it</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Export view</translation>
    </message>
    <message>
        <source>PNG picture, 2x (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG picture, 2x (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Export view...</source>
        <translation>&amp;Export view...</translation>
    </message>
    <message>
        <source>Save the view on show as a PNG, SVG or PDF for a report</source>
        <translation>Save the view on show as a PNG, SVG or PDF for a report</translation>
    </message>
    <message>
        <source>Export report into folder</source>
        <translation>Export report into folder</translation>
    </message>
    <message>
        <source>Export &amp;report...</source>
        <translation>Export &amp;report...</translation>
    </message>
    <message>
        <source>Write a folder with every view as PNG and SVG, the data as CSV, the spec and a report.html</source>
        <translation>Write a folder with every view as PNG and SVG, the data as CSV, the spec and a report.html</translation>
    </message>
    <message>
        <source>There is no data yet: run the experiment first.</source>
        <translation>There is no data yet: run the experiment first.</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Export data</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>There is nothing to report yet: run the experiment first.</source>
        <translation>There is nothing to report yet: run the experiment first.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Cannot create the folder %1</translation>
    </message>
    <message>
        <source>Writing the report: %1 (%2 of %3)</source>
        <translation>Writing the report: %1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <source>Export picture (PNG, SVG or PDF)...</source>
        <translation>Export picture (PNG, SVG or PDF)...</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Scale (1x to 4x):</source>
        <translation>Scale (1x to 4x):</translation>
    </message>
    <message>
        <source>Export data as CSV (%1)...</source>
        <translation>Export data as CSV (%1)...</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>Run the experiment first</source>
        <translation>Run the experiment first</translation>
    </message>
    <message>
        <source>network: %1 MB</source>
        <translation>network: %1 MB</translation>
    </message>
    <message>
        <source>Averaging</source>
        <translation>Averaging</translation>
    </message>
    <message>
        <source>Lesson 1: gradient averaging vs model averaging on the lecture&apos;s linear regression</source>
        <translation>Lesson 1: gradient averaging vs model averaging on the lecture&apos;s linear regression</translation>
    </message>
    <message>
        <source>Computing lesson 1...</source>
        <translation>Computing lesson 1...</translation>
    </message>
    <message>
        <source>Lesson 1 computed. %1</source>
        <translation>Lesson 1 computed. %1</translation>
    </message>
    <message>
        <source>Aggregation</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>Lesson 5: S-DNN, MA-DNN, E-DNN and EC-DNN compared</source>
        <translation>Lesson 5: S-DNN, MA-DNN, E-DNN and EC-DNN compared</translation>
    </message>
    <message>
        <source>Lesson 5: training S-DNN, MA-DNN, E-DNN and EC-DNN one after the other on real clusters...</source>
        <translation>Lesson 5: training S-DNN, MA-DNN, E-DNN and EC-DNN one after the other on real clusters...</translation>
    </message>
    <message>
        <source>Lesson 5 done: the four methods are compared in the Aggregation tab</source>
        <translation>Lesson 5 done: the four methods are compared in the Aggregation tab</translation>
    </message>
    <message>
        <source>Convexity</source>
        <translation>Convexity</translation>
    </message>
    <message>
        <source>Lesson 5: averaging parameters vs averaging outputs</source>
        <translation>Lesson 5: averaging parameters vs averaging outputs</translation>
    </message>
    <message>
        <source>Training the models of the convexity study...</source>
        <translation>Training the models of the convexity study...</translation>
    </message>
    <message>
        <source>Convexity study done: see the Convexity tab</source>
        <translation>Convexity study done: see the Convexity tab</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Lesson 7: rebuilding private images from a shared gradient</source>
        <translation>Lesson 7: rebuilding private images from a shared gradient</translation>
    </message>
    <message>
        <source>Attacking the shared gradient...</source>
        <translation>Attacking the shared gradient...</translation>
    </message>
    <message>
        <source>Attack done: see the Privacy tab</source>
        <translation>Attack done: see the Privacy tab</translation>
    </message>
    <message>
        <source>The captured push could not be kept: %1</source>
        <translation>The captured push could not be kept: %1</translation>
    </message>
    <message>
        <source>The server kept worker %1&apos;s push of step %2: attack it in the Privacy tab</source>
        <translation>The server kept worker %1&apos;s push of step %2: attack it in the Privacy tab</translation>
    </message>
    <message>
        <source>Secure aggregation: the workers exchanged their public keys (%1); every push is masked, and the server sees only each round&apos;s sum</source>
        <translation>Secure aggregation: the workers exchanged their public keys (%1); every push is masked, and the server sees only each round&apos;s sum</translation>
    </message>
    <message>
        <source>Secure aggregation: a round without every worker cannot be unmasked (%1)</source>
        <translation>Secure aggregation: a round without every worker cannot be unmasked (%1)</translation>
    </message>
    <message>
        <source>Export the reconstruction grid (%1)...</source>
        <translation>Export the reconstruction grid (%1)...</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
</context>
<context>
    <name>distlab::app::MonitorClient</name>
    <message>
        <source>The engine sent a bad frame: %1</source>
        <translation>The engine sent a bad frame: %1</translation>
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
        <source>The training engine stopped unexpectedly (exit code %1).</source>
        <translation>The training engine stopped unexpectedly (exit code %1).</translation>
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
        <source>The examples every worker learns from.</source>
        <translation>The examples every worker learns from.</translation>
    </message>
    <message>
        <source>Training examples</source>
        <translation>Training examples</translation>
    </message>
    <message>
        <source>Use only the first N training examples (0: all of them).</source>
        <translation>Use only the first N training examples (0: all of them).</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>mlp: fully connected layers; lenet5: a small convolutional network; linear: one layer (the lecture&apos;s linear regression).</source>
        <translation>mlp: fully connected layers; lenet5: a small convolutional network; linear: one layer (the lecture&apos;s linear regression).</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Hidden layers</translation>
    </message>
    <message>
        <source>Units of each hidden layer of the mlp, e.g. 256, 128.</source>
        <translation>Units of each hidden layer of the mlp, e.g. 256, 128.</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <source>The nonlinearity after each hidden layer.</source>
        <translation>The nonlinearity after each hidden layer.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Passes of every worker over its share of the data.</source>
        <translation>Passes of every worker over its share of the data.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>Examples in one worker&apos;s mini-batch: one gradient per push.</source>
        <translation>Examples in one worker&apos;s mini-batch: one gradient per push.</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizer</translation>
    </message>
    <message>
        <source>How the parameter server turns averaged gradients into a step.</source>
        <translation>How the parameter server turns averaged gradients into a step.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>The step size (lambda in the lecture).</source>
        <translation>The step size (lambda in the lecture).</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Worker processes; each trains on its own part of the data.</source>
        <translation>Worker processes; each trains on its own part of the data.</translation>
    </message>
    <message>
        <source>Data partitioning</source>
        <translation>Data partitioning</translation>
    </message>
    <message>
        <source>shuffle-split: every example goes to exactly one worker; with-replacement: each worker samples at random, some examples are never seen; dirichlet and shards: non-IID splits by label.</source>
        <translation>shuffle-split: every example goes to exactly one worker; with-replacement: each worker samples at random, some examples are never seen; dirichlet and shards: non-IID splits by label.</translation>
    </message>
    <message>
        <source>Reshuffle every</source>
        <translation>Reshuffle every</translation>
    </message>
    <message>
        <source>Draw a new split every this many epochs (the lecture&apos;s periodic reshuffle).</source>
        <translation>Draw a new split every this many epochs (the lecture&apos;s periodic reshuffle).</translation>
    </message>
    <message>
        <source>Dirichlet alpha</source>
        <translation>Dirichlet alpha</translation>
    </message>
    <message>
        <source>dirichlet partitioning: small values give each worker few classes (non-IID).</source>
        <translation>dirichlet partitioning: small values give each worker few classes (non-IID).</translation>
    </message>
    <message>
        <source>bsp: a barrier every step; asp: no waiting, updates applied as they come; ssp: the fastest may run ahead of the slowest by at most the staleness bound; local-sgd: local steps, then the models are averaged.</source>
        <translation>bsp: a barrier every step; asp: no waiting, updates applied as they come; ssp: the fastest may run ahead of the slowest by at most the staleness bound; local-sgd: local steps, then the models are averaged.</translation>
    </message>
    <message>
        <source>Staleness bound</source>
        <translation>Staleness bound</translation>
    </message>
    <message>
        <source>ssp: how many steps a worker may be ahead of the slowest.</source>
        <translation>ssp: how many steps a worker may be ahead of the slowest.</translation>
    </message>
    <message>
        <source>Local steps</source>
        <translation>Local steps</translation>
    </message>
    <message>
        <source>local-sgd: steps each worker takes between two model averages.</source>
        <translation>local-sgd: steps each worker takes between two model averages.</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>Evaluate every</translation>
    </message>
    <message>
        <source>Test the global model after this many server updates.</source>
        <translation>Test the global model after this many server updates.</translation>
    </message>
    <message>
        <source>Slowdown per worker</source>
        <translation>Slowdown per worker</translation>
    </message>
    <message>
        <source>A straggler: e.g. 3, 1, 1, 1 makes worker 0 compute three times slower (empty: none).</source>
        <translation>A straggler: e.g. 3, 1, 1, 1 makes worker 0 compute three times slower (empty: none).</translation>
    </message>
    <message>
        <source>Bandwidth per worker (Mbit/s)</source>
        <translation>Bandwidth per worker (Mbit/s)</translation>
    </message>
    <message>
        <source>A slow link: e.g. 100, 0, 0, 0 caps worker 0&apos;s link (0 or empty: no cap).</source>
        <translation>A slow link: e.g. 100, 0, 0, 0 caps worker 0&apos;s link (0 or empty: no cap).</translation>
    </message>
    <message>
        <source>Aggregation</source>
        <translation>Aggregation</translation>
    </message>
    <message>
        <source>Combine pushes by</source>
        <translation>Combine pushes by</translation>
    </message>
    <message>
        <source>weighted-mean: each worker&apos;s update counts by its number of examples (the gradient of all the data); mean: every worker counts the same, which is wrong when their data sizes differ.</source>
        <translation>weighted-mean: each worker&apos;s update counts by its number of examples (the gradient of all the data); mean: every worker counts the same, which is wrong when their data sizes differ.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Secure aggregation</source>
        <translation>Secure aggregation</translation>
    </message>
    <message>
        <source>The workers mask every push with pairwise secrets (X25519 key exchange) that cancel in the round&apos;s sum: the server learns only the aggregate (bsp or local-sgd).</source>
        <translation>The workers mask every push with pairwise secrets (X25519 key exchange) that cancel in the round&apos;s sum: the server learns only the aggregate (bsp or local-sgd).</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
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
        <source>Forget the earlier runs drawn dashed for comparison</source>
        <translation>Forget the earlier runs drawn dashed for comparison</translation>
    </message>
</context>
</TS>
